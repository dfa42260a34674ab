package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Expect: 100-continue}: a body the declared length already rules out is refused before it is invited. */
@Timeout(60)
class ExpectContinueTest extends ExecutorTest {

    @Test
    void aDeclaredBodyOverTheLimitGets413InsteadOf100Continue() throws Exception {
        String name = deploy("hello");
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /" + name + "/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: 12000000\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String head = headOf(socket.getInputStream());

            assertThat(head).startsWith("HTTP/1.1 413 ").doesNotContain("100 Continue");
            assertThat(head).containsIgnoringCase("X-Wasmcloud-Invocation-Id: ");
        }
    }

    @Test
    void aBodyWithinTheLimitIsInvitedWith100ContinueAndServed() throws Exception {
        String name = deploy("hello");
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /" + name + "/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                            + "Content-Length: 5\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();

            String interim = headOf(in);
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(interim).startsWith("HTTP/1.1 100 ");
            assertThat(reply).startsWith("HTTP/1.1 200 ").endsWith("body: hello\n");
        }
    }

    /** One response head, up to its blank line. */
    private static String headOf(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
