package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Odd URLs through the real connector: an encoded slash reaches the function still encoded, dot segments are removed
 * (RFC 3986 §5.2.4), and whatever is refused, by us or by Tomcat, gets the platform's plain text with an invocation
 * id, never Tomcat's HTML page.
 */
@Timeout(60)
class OddUrlTest extends ExecutorTest {

    @Test
    void anEncodedSlashStaysEncodedInPathInfoWhileRequestUriIsRaw() throws Exception {
        String name = deploy("hello");

        String reply = raw("GET /" + name + "/a%2Fb%20c HTTP/1.1\r\n");

        assertThat(reply).startsWith("HTTP/1.1 200");
        assertThat(reply).contains("path: /a%2Fb c\n");
    }

    @Test
    void dotSegmentsAreRemovedAndNeverClimbOutOfTheFunction() throws Exception {
        String name = deploy("hello");

        String dotted = raw("GET /" + name + "/a/./b/../c HTTP/1.1\r\n");
        String encoded = raw("GET /" + name + "/a/%2E%2E/d HTTP/1.1\r\n");

        assertThat(dotted).startsWith("HTTP/1.1 200").contains("path: /a/c\n");
        assertThat(encoded).startsWith("HTTP/1.1 200").contains("path: /d\n");
    }

    @Test
    void badEscapesGetThePlatformsPlainTextReplyWithAnInvocationId() throws Exception {
        String name = deploy("hello");

        for (String path : new String[] {"/" + name + "/%ZZ", "/" + name + "/%00", "/" + name + "/%C3", "/%"}) {
            String reply = raw("GET " + path + " HTTP/1.1\r\n");

            assertThat(reply).as(path).startsWith("HTTP/1.1 400");
            assertPlainRefusal(path, reply);
        }
    }

    @Test
    void aRawUtf8QueryGetsThePlatformsPlainTextReplyNotTomcatsHtml() throws Exception {
        String name = deploy("hello");

        String reply = rawBytes(("GET /" + name + "/?q=\u00e9t\u00e9 HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(reply).satisfiesAnyOf(ok -> assertThat(ok).startsWith("HTTP/1.1 200"), refused -> {
            assertThat(refused).startsWith("HTTP/1.1 400");
            assertPlainRefusal("raw UTF-8 query", refused);
        });
    }

    private static void assertPlainRefusal(String what, String reply) {
        String lower = reply.toLowerCase();
        assertThat(lower).as(what).contains("content-type: text/plain");
        assertThat(lower).as(what).doesNotContain("<html").doesNotContain("<!doctype");
        assertThat(reply).as(what).containsPattern("(?i)X-Wasmcloud-Invocation-Id: [0-9a-f-]{36}");
        assertThat(reply).as(what).containsPattern("\\(invocation [0-9a-f-]{36}\\)");
    }

    private String raw(String requestLine) throws Exception {
        return rawBytes(requestLine.getBytes(StandardCharsets.ISO_8859_1));
    }

    private String rawBytes(byte[] requestLine) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestLine);
            out.write("Host: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
