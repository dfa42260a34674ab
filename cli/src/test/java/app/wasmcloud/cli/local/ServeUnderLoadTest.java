package app.wasmcloud.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code wasmcloud serve} keeps hundreds of keep-alive clients, as a load generator opens them: every connection gets
 * its answers, however many are open at once. Run as its own process, as a developer runs it, because the JDK server's
 * limits are read once per process.
 */
@Timeout(120)
class ServeUnderLoadTest {

    private static final int CLIENTS = 300;
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:([0-9]+)/");

    private Process serve;

    @AfterEach
    void stop() throws InterruptedException {
        if (serve != null) {
            serve.destroy();
            serve.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void threeHundredKeptAliveClientsAreEachAnsweredTwice() throws Exception {
        int port = startServe();
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(new Socket("127.0.0.1", port));
            }
            // Every client asks once and is answered; then all of them sit idle at the same time, and ask again.
            for (int round = 1; round <= 2; round++) {
                for (Socket client : clients) {
                    request(client);
                }
                int answered = 0;
                for (Socket client : clients) {
                    if (status(client) == 200) {
                        answered++;
                    }
                }
                assertThat(answered)
                        .as("clients answered 200 in round %d", round)
                        .isEqualTo(CLIENTS);
            }
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    private int startServe() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        serve = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "app.wasmcloud.cli.Main",
                        "serve",
                        "--port",
                        "0",
                        RunCommandTest.HELLO)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher url = URL.matcher(line);
            if (url.find()) {
                return URI.create(url.group()).getPort();
            }
        }
        throw new AssertionError("serve printed no URL and exited with " + serve.exitValue());
    }

    private static void request(Socket client) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one whole response (headers, then Content-Length bytes) and gives its status, or -1 when the server hung up. */
    private static int status(Socket client) throws IOException {
        client.setSoTimeout(30_000);
        InputStream in = client.getInputStream();
        String statusLine = line(in);
        if (statusLine == null) {
            return -1;
        }
        int length = 0;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            return -1;
        }
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return line.toString().stripTrailing();
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : line.toString();
    }
}
