package app.wasmcloud.api;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Oversized bodies are refused while they stream in, not after: over a raw socket, so the test controls exactly how
 * many bytes it has sent when the 413 arrives (an HTTP client library would buffer or abort on its own terms).
 */
class OversizeRequestTest extends ApiTestBase {

    static final long MODULE_LIMIT = 32L * 1024 * 1024;
    static final long INVOKE_LIMIT = 10L * 1024 * 1024;
    static final long ONE_GIB = 1024L * 1024 * 1024;
    static final Duration PROMPTLY = Duration.ofSeconds(5);

    /** What the server answered, and how much of the body had been sent by then. */
    record Reply(int status, String text, long bytesSentBeforeReply, Duration elapsed) {}

    @Test
    void anUploadDeclaringMoreThanTheModuleCapIs413BeforeItsBodyArrives() throws Exception {
        String token = devToken();
        String name = deployHello(token, "declared");

        Reply reply = send(
                "POST /api/functions/" + name + "/versions HTTP/1.1\r\n" + "Content-Type: multipart/form-data;"
                        + " boundary=x\r\nContent-Length: " + ONE_GIB + "\r\n",
                token,
                false,
                64 * 1024);

        assertThat(reply.status()).as(reply.text()).isEqualTo(413);
        assertThat(reply.text()).contains("32 MiB (33554432 bytes)");
        assertThat(reply.bytesSentBeforeReply()).isLessThanOrEqualTo(64 * 1024 + multipartHead().length);
        assertThat(reply.elapsed()).isLessThan(PROMPTLY);
    }

    @Test
    void anEndlessChunkedUploadIsCutOffAtTheModuleCap() throws Exception {
        String token = devToken();
        String name = deployHello(token, "endless");

        Reply reply = send(
                "POST /api/functions/" + name + "/versions HTTP/1.1\r\n" + "Content-Type: multipart/form-data;"
                        + " boundary=x\r\nTransfer-Encoding: chunked\r\n",
                token,
                true,
                ONE_GIB);

        assertThat(reply.status()).as(reply.text()).isEqualTo(413);
        assertThat(reply.text()).contains("32 MiB (33554432 bytes)");
        // The cap plus what socket buffers and Tomcat's swallowing of the rest (2 MiB) can hold: far below the GiB.
        assertThat(reply.bytesSentBeforeReply()).isBetween(MODULE_LIMIT, MODULE_LIMIT + 16 * 1024 * 1024);
    }

    @Test
    void anInvocationDeclaringMoreThanTheInvokeCapIs413BeforeItsBodyArrives() throws Exception {
        String token = devToken();
        String name = deployHello(token, "bigcall");

        Reply reply = send(
                "POST /api/functions/" + name + "/invoke HTTP/1.1\r\nContent-Length: " + ONE_GIB + "\r\n",
                token,
                false,
                64 * 1024);

        assertThat(reply.status()).as(reply.text()).isEqualTo(413);
        assertThat(reply.text())
                .contains("application/problem+json")
                .contains("The request body is over this server's limit of 10485760 bytes.");
        assertThat(reply.elapsed()).isLessThan(PROMPTLY);
        assertThat(EXECUTOR.findAll(anyRequestedFor(urlPathEqualTo("/internal/functions/" + name + "/invoke"))))
                .isEmpty();
    }

    @Test
    void aChunkedInvocationOneByteOverTheCapIs413() throws Exception {
        String token = devToken();
        String name = deployHello(token, "chunked");

        HttpResponse<String> over = http.send(
                HttpRequest.newBuilder(uri("/api/functions/" + name + "/invoke"))
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(INVOKE_LIMIT + 1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(over.statusCode()).as(over.body()).isEqualTo(413);
        assertThat(body(over).get("title").asString()).isEqualTo("Request too large");
    }

    private static byte[] multipartHead() {
        return ("--x\r\nContent-Disposition: form-data; name=\"module\"; filename=\"huge.wasm\"\r\n"
                        + "Content-Type: application/wasm\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Sends the request head, then from a second thread the body (a multipart head for uploads, then zeros, up to
     * {@code bodyBytes}), and reads the reply meanwhile. Counts every body byte written before the reply's status
     * line came back.
     */
    private Reply send(String head, String token, boolean chunked, long bodyBytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", uri("/").getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            boolean upload = head.contains("/versions");
            long started = System.nanoTime();
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    if (upload) {
                        byte[] part = multipartHead();
                        write(out, part, part.length, chunked);
                        sent.addAndGet(part.length);
                    }
                    byte[] zeros = new byte[64 * 1024];
                    long left = bodyBytes;
                    while (left > 0) {
                        int n = (int) Math.min(zeros.length, left);
                        write(out, zeros, n, chunked);
                        sent.addAndGet(n);
                        left -= n;
                    }
                } catch (IOException closedByServer) {
                    // Expected once the server has refused the body.
                }
            });
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            long sentAtStatus = -1;
            Duration elapsed = null;
            int b;
            while ((b = in.read()) != -1) {
                received.write(b);
                String text = received.toString(StandardCharsets.ISO_8859_1);
                if (sentAtStatus < 0 && text.contains("\r\n")) {
                    sentAtStatus = sent.get();
                    elapsed = Duration.ofNanos(System.nanoTime() - started);
                }
                int headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0 && text.indexOf('}', headEnd) >= 0) {
                    break;
                }
            }
            socket.close();
            writer.join(Duration.ofSeconds(10));
            String text = received.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Reply(status, text, sentAtStatus, elapsed);
        }
    }

    private static void write(OutputStream out, byte[] bytes, int length, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, length);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
    }

    /** {@code length} zero bytes, produced as they are read rather than held in memory. */
    static final class ZeroStream extends InputStream {

        private long left;

        ZeroStream(long length) {
            this.left = length;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
