package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Output that is not a valid CGI reply is a 502 with the invocation id, never a crash and never a header the
 * function smuggled in. (A header block without its blank line is in {@link CgiFailuresTest}.)
 */
class MalformedResponseTest extends ExecutorTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"crlf_injection", "bad_header_name", "huge_headers", "no_output"})
    void anInvalidReplyGets502AndNoneOfItsHeaders(String fixture) throws Exception {
        String name = deploy(fixture);

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).startsWith("The function returned an invalid response (invocation ");
        assertThat(response.headers().map()).doesNotContainKeys("set-cookie", "x-note", "x-pad");
        assertThat(recordOf(response)).isEqualTo("invalid_response 502");
    }
}
