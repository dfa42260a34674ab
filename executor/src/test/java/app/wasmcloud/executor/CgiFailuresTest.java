package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What cgi.md says each misbehaving or unusual function gets, over real HTTP, each recorded with its outcome. */
class CgiFailuresTest extends ExecutorTest {

    @Test
    void aFunctionThatRunsOutOfTimeGets504() throws Exception {
        String name = deploy(readModule("spin"), "public", 300);

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).startsWith("The function ran out of time (invocation ");
        assertThat(recordOf(response)).isEqualTo("timeout 504");
    }

    @Test
    void aTrapGets502AndNoneOfThePartialOutput() throws Exception {
        String name = deploy("trap");

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).startsWith("The function failed (invocation ");
        assertThat(recordOf(response)).isEqualTo("trap 502");
    }

    @Test
    void aHeaderBlockWithoutABlankLineGets502() throws Exception {
        String name = deploy("no_blank_line");

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).startsWith("The function returned an invalid response (invocation ");
        assertThat(recordOf(response)).isEqualTo("invalid_response 502");
    }

    @Test
    void aNonzeroExitAfterAValidResponsePassesTheResponseThrough() throws Exception {
        String name = deploy("exit_after_reply");

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(418);
        assertThat(response.body()).isEqualTo("short and stout\n");
        assertThat(recordOf(response)).isEqualTo("nonzero_exit 418");
    }

    /** On its own host-style origin, where a function's cookies are its own (path style drops them: cgi.md). */
    @Test
    void repeatedSetCookieHeadersAllArriveInTheirOrder() throws Exception {
        String name = deploy("cookies");

        String reply = rawHttp("GET / HTTP/1.1\r\nHost: " + name + "." + RUN_DOMAIN + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 201");
        assertThat(reply).containsPattern("(?s)Set-Cookie: a=1\r\n.*Set-Cookie: b=2\r\n.*Set-Cookie: c=3\r\n");
    }

    @Test
    void headIsAnsweredWithTheHeadersOfGetAndNoBody() throws Exception {
        String name = deploy("cookies");

        String reply = rawHttp("HEAD / HTTP/1.1\r\nHost: " + name + "." + RUN_DOMAIN + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 201");
        assertThat(reply).contains("Content-Length: 8\r\n").contains("Set-Cookie: c=3\r\n");
        assertThat(reply).endsWith("\r\n\r\n");
    }

    @Test
    void onThePathStyleSharedOriginNeitherCookieNorAuthorizationReachesTheFunction() {
        String name = deploy("echo_headers");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + name + "/"))
                .header("Cookie", "session=s3cr3t")
                .header("Authorization", "Bearer t0ken")
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("cookie=(absent)\nauthorization=(absent)\n");
    }

    @Test
    void onItsOwnHostStyleOriginAFunctionGetsItsCookiesButNeverAuthorization() throws Exception {
        String name = deploy("echo_headers");

        String reply = rawHttp("GET / HTTP/1.1\r\nHost: " + name + "." + RUN_DOMAIN + "\r\nCookie: session=s3cr3t\r\n"
                + "Authorization: Bearer t0ken\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 200");
        assertThat(reply).endsWith("\r\n\r\ncookie=session=s3cr3t\nauthorization=(absent)\n");
    }
}
