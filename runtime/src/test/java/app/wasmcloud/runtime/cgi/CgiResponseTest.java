package app.wasmcloud.runtime.cgi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CgiResponseTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static CgiResponse parse(String stdout) throws InvalidCgiResponseException {
        return CgiResponse.parse(bytes(stdout));
    }

    @Test
    void aPlainReplyIs200WithItsHeadersAndBody() throws Exception {
        CgiResponse response = parse("Content-Type: text/plain\nX-Thing:  spaced \t\n\nhello\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers())
                .containsExactly(new Header("Content-Type", "text/plain"), new Header("X-Thing", "spaced"));
        assertThat(response.body()).isEqualTo(bytes("hello\n"));
    }

    @Test
    void crlfLineEndsWorkLikeLf() throws Exception {
        CgiResponse response = parse("Content-Type: text/html\r\nStatus: 201 Created\r\n\r\n<p>");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("content-type")).isEqualTo("text/html");
        assertThat(response.body()).isEqualTo(bytes("<p>"));
    }

    @Test
    void repeatedSetCookieHeadersAllArriveInOrder() throws Exception {
        CgiResponse response =
                parse("Set-Cookie: a=1\nContent-Type: text/plain\nSet-Cookie: b=2\nset-cookie: c=3\n\nok");

        assertThat(response.headers())
                .containsExactly(
                        new Header("Set-Cookie", "a=1"),
                        new Header("Content-Type", "text/plain"),
                        new Header("Set-Cookie", "b=2"),
                        new Header("set-cookie", "c=3"));
    }

    @Test
    void statusWinsOverLocationWhateverTheirOrder() throws Exception {
        assertThat(parse("Location: https://example.com/\nStatus: 301 Moved\n\n")
                        .status())
                .isEqualTo(301);
        assertThat(parse("Status: 201\nLocation: /items/1\n\n").status()).isEqualTo(201);
    }

    @Test
    void locationAloneIsA302RedirectAbsoluteOrLocal() throws Exception {
        CgiResponse absolute = parse("Location: https://example.com/next\n\n");
        CgiResponse local = parse("Location: /other/path?x=1\r\n\r\n");

        assertThat(absolute.status()).isEqualTo(302);
        assertThat(absolute.header("Location")).isEqualTo("https://example.com/next");
        assertThat(local.status()).isEqualTo(302);
        assertThat(local.header("Location")).isEqualTo("/other/path?x=1");
    }

    @Test
    void aNonParsedHeaderStatusLineIsReadTheSameWay() throws Exception {
        CgiResponse response = parse("HTTP/1.1 418 I'm a teapot\r\nContent-Type: text/plain\r\n\r\nshort and stout");

        assertThat(response.status()).isEqualTo(418);
        assertThat(response.headers()).containsExactly(new Header("Content-Type", "text/plain"));
        assertThat(response.body()).isEqualTo(bytes("short and stout"));
    }

    @Test
    void framingAndHopByHopHeadersFromTheFunctionAreDropped() throws Exception {
        CgiResponse response = parse("Content-Type: text/plain\nContent-Length: 999\nTransfer-Encoding: chunked\n"
                + "Connection: close\nKeep-Alive: timeout=1\nUpgrade: h2c\nX-Kept: 1\n\nabc");

        assertThat(response.headers())
                .containsExactly(new Header("Content-Type", "text/plain"), new Header("X-Kept", "1"));
        assertThat(response.body()).isEqualTo(bytes("abc"));
    }

    @Test
    void aBinaryBodyPassesByteExactIncludingCrlfInside() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        stdout.writeBytes(bytes("Content-Type: application/octet-stream\r\n\r\n"));
        byte[] body = new byte[256 + 4];
        for (int i = 0; i < 256; i++) {
            body[i] = (byte) i;
        }
        body[256] = '\r';
        body[257] = '\n';
        body[258] = '\r';
        body[259] = '\n';
        stdout.writeBytes(body);

        assertThat(CgiResponse.parse(stdout.toByteArray()).body()).isEqualTo(body);
    }

    @Test
    void anEmptyBodyNeedsNoContentType() throws Exception {
        CgiResponse response = parse("Status: 204 No Content\n\n");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "Content-Type: text/plain",
                "Content-Type: text/plain\nno blank line",
                "hello world\n\n",
                "Bad Name: x\n\n",
                ": empty name\n\n",
                "X-Split: a\rb\n\n",
                "X-Nul: a\u0000b\n\n",
                "X-Del: a\u007fb\n\n",
                " folded: x\n\n",
                "Status: abc\n\n",
                "Status: 42\n\n",
                "Status: 100 Continue\n\n",
                "Status: 200\nStatus: 404\n\n",
                "HTTP/1.1 xyz\n\n",
                "Content-Type: a\nContent-Type: b\n\nx",
                "X-Only: 1\n\nbody without type",
            })
    void anInvalidReplyIsRejectedNeverPassedOn(String stdout) {
        assertThatThrownBy(() -> parse(stdout)).isInstanceOf(InvalidCgiResponseException.class);
    }

    @Test
    void nullOutputIsRejectedWithAHint() {
        assertThatThrownBy(() -> CgiResponse.parse(null))
                .isInstanceOf(InvalidCgiResponseException.class)
                .hasMessageContaining("Content-Type");
    }
}
