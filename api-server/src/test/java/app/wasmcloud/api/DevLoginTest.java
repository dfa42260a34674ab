package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.security.Scope;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Dev mode's login against DNS rebinding, and the lifetime of the token it hands out. */
class DevLoginTest extends ApiTestBase {

    record RawReply(int status, String text) {}

    /** What a browser sends to 127.0.0.1 after evil.example was rebound to it: the loopback peer, the foreign Host. */
    RawReply raw(String requestLine, String host, String extraHeaders) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\n" + extraHeaders + "Content-Length: 0\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            in.transferTo(received);
            String text = received.toString(StandardCharsets.UTF_8);
            return new RawReply(Integer.parseInt(text.substring(9, 12)), text);
        }
    }

    @Test
    void aRequestFromLoopbackUnderAForeignHostNameGetsNoDevToken() throws Exception {
        RawReply refused = raw("POST /api/dev/token HTTP/1.1", "evil.example:8080", "");
        RawReply allowed = raw("POST /api/dev/token HTTP/1.1", "localhost:8080", "");

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.text()).contains("evil.example").doesNotContain("\"token\"");
        assertThat(allowed.status()).as(allowed.text()).isEqualTo(200);
        assertThat(allowed.text()).contains("\"token\"");
    }

    @Test
    void aRequestFromLoopbackUnderAForeignHostNameGetsNoDevSession() throws Exception {
        RawReply refused = raw("POST /api/dev/session HTTP/1.1", "evil.example", "");

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.text()).doesNotContainIgnoringCase("Set-Cookie");
    }

    @Test
    void theConsentPageUnderAForeignHostNameIsRefusedAndOffersNoApproval() throws Exception {
        RawReply refused = raw(
                "GET /login/cli?port=45678&state=abcdefghijklmnopqrstuv HTTP/1.1",
                "evil.example",
                "Accept: text/html\r\n");

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.text())
                .contains("Unknown server name")
                .doesNotContain("Authorize the wasmcloud CLI")
                .doesNotContain("name=\"consent\"");
    }

    @Test
    void theDevTokenExpiresInAWeekAndEachStartReusesItInsteadOfMintingAnother() throws Exception {
        JsonNode first = body(postDevToken());
        JsonNode second = body(postDevToken());

        Instant expiresAt = Instant.parse(first.get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(6), Duration.ofDays(7));
        long live = jdbc.sql("SELECT count(*) FROM api_tokens t JOIN users u ON u.id = t.user_id"
                        + " WHERE u.login = 'dev' AND t.name = 'dev' AND t.revoked_at IS NULL")
                .query(Long.class)
                .single();
        assertThat(live).isEqualTo(1);
        assertThat(get("/api/whoami", first.get("token").asString()).statusCode())
                .isEqualTo(200);
        assertThat(get("/api/whoami", second.get("token").asString()).statusCode())
                .isEqualTo(200);
        assertThat(second.get("expiresAt").asString())
                .isEqualTo(first.get("expiresAt").asString());
    }

    @Test
    void anOldDevTokenThatNeverExpiredIsRevokedByTheNextStart() throws Exception {
        postDevToken();
        String forever = tokens.issue(users.findByLogin("dev").orElseThrow(), "dev", EnumSet.allOf(Scope.class), null)
                .token();
        assertThat(get("/api/whoami", forever).statusCode()).isEqualTo(200);

        postDevToken();

        assertThat(get("/api/whoami", forever).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> postDevToken() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(uri("/api/dev/token"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response;
    }
}
