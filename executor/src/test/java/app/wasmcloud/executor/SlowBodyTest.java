package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.test.context.TestPropertySource;

/**
 * Clients that trickle their bodies hold a connection each, never a request thread: with more of them open than the
 * executor has request threads (200), hello keeps answering, and each slow body ends with 408 once it falls below the
 * minimum rate.
 */
@TestPropertySource(
        properties = {
            "wasmcloud.executor.request-body.grace=1s",
            "wasmcloud.executor.request-body.deadline=3s",
            "wasmcloud.executor.max-request-bytes=100000"
        })
@Timeout(60)
class SlowBodyTest extends ExecutorTest {

    private static final int SLOW_CLIENTS = 250;

    @Test
    void slowBodiesHoldNoThreadAndEndWith408() throws Exception {
        String hello = deploy("hello");
        assertThat(get("/" + hello + "/").statusCode()).isEqualTo(200);
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", port());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /" + hello + "/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
                                + "Content-Length: 1000\r\n\r\nx")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            List<HttpResponse<String>> hellos = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                hellos.add(send(HttpRequest.newBuilder(uri("/" + hello + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("quick"))
                        .build()));
            }

            assertThat(hellos).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).endsWith("body: quick\n");
            });
            for (Socket socket : slow) {
                socket.setSoTimeout(10_000);
                assertThat(statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 408 ");
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        byte[] start = in.readNBytes(13);
        return new String(start, StandardCharsets.US_ASCII);
    }
}
