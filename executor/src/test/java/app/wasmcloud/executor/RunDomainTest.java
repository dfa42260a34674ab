package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.contract.ServiceToken;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Routing, the internal endpoint and invocation records, serving the hello example. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunDomainTest extends ExecutorTest {

    String publicName;
    String privateName;

    @BeforeAll
    void deployHello() {
        publicName = deploy("hello");
        privateName = deploy(readModule("hello"), "private", null);
        for (String name : new String[] {publicName, privateName}) {
            jdbc.sql("""
                            INSERT INTO function_env (function_id, key, value)
                            SELECT id, 'GREETING', 'Howdy' FROM functions WHERE name = :n""").param("n", name).update();
        }
    }

    @Test
    void aPathStyleRequestGetsTheFunctionsCgiReplyByteForByte() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + publicName + "/some/path?x=1"))
                .POST(HttpRequest.BodyPublishers.ofString("hi there"))
                .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(response.headers().firstValue("X-Wasmcloud-Invocation-Id")).isPresent();
        assertThat(response.body())
                .isEqualTo("Howdy from wasmcloud!\nmethod: POST\npath: /some/path\nbody: hi there\n");
    }

    @Test
    void aHostStyleRequestRoutesByHostAndPassesThePathWhole() throws Exception {
        String reply = rawHttp("GET /other%20path HTTP/1.1\r\nHost: " + publicName + "." + RUN_DOMAIN
                + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 200");
        assertThat(reply).endsWith("Howdy from wasmcloud!\nmethod: GET\npath: /other path\nbody: \n");
    }

    @Test
    void everyInvocationIsRecordedWithItsOutcome() throws Exception {
        HttpResponse<String> response = get("/" + publicName + "/recorded");
        UUID id = UUID.fromString(
                response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow());

        String[] outcome = new String[1];
        awaitUntil(Duration.ofSeconds(5), "the invocation is recorded", () -> {
            outcome[0] = jdbc.sql(
                            "SELECT outcome || ' ' || http_status || ' ' || source FROM invocations WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            return outcome[0] != null;
        });
        assertThat(outcome[0]).isEqualTo("ok 200 run");
    }

    @Test
    void unknownAndPrivateFunctionsAre404AndRevealNothing() {
        HttpResponse<String> unknown = get("/no-such-function/");
        HttpResponse<String> hidden = get("/" + privateName + "/");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body().replaceAll("invocation [0-9a-f-]+", "invocation ID"))
                .isEqualTo(unknown.body().replaceAll("invocation [0-9a-f-]+", "invocation ID"))
                .startsWith("No such function (invocation ");
    }

    @Test
    void aBodyOverTheLimitIs413AndTheFunctionDoesNotRun() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/" + publicName + "/"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2048]))
                .build());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).startsWith("The request body is over the limit of 1024 bytes");
    }

    @Test
    void aDeclaredOneGigabyteBodyIs413AtOnceAndTheExecutorDoesNotReadIt() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            // Generous for a loaded machine, far less than sending a gigabyte would take.
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /" + publicName + "/ HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: application/octet-stream\r\nContent-Length: 1073741824\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[4096]);
            out.flush();

            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // readAllBytes returned: the executor answered and closed the connection instead of reading on.
            assertThat(reply).startsWith("HTTP/1.1 413");
            assertThat(reply).contains("The request body is over the limit of 1024 bytes");
        }
    }

    @Test
    void theInternalEndpointRefusesRequestsWithoutAServiceToken() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/internal/functions/" + privateName + "/invoke"))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void theInternalEndpointRunsPrivateFunctionsForTheApiServer() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/internal/functions/" + privateName + "/invoke"))
                        .header("Authorization", "Bearer " + serviceToken())
                        .header("X-Wasmcloud-Method", "PUT")
                        .header("X-Wasmcloud-Path", "/a/b?q=1")
                        .POST(HttpRequest.BodyPublishers.ofString("payload"))
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Howdy from wasmcloud!\nmethod: PUT\npath: /a/b\nbody: payload\n");
    }

    @Test
    void anAttemptOfABackgroundRequestIsRecordedWithItsRequestAndNumber() throws Exception {
        UUID request = UUID.randomUUID();

        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/internal/functions/" + privateName + "/invoke"))
                        .header("Authorization", "Bearer " + serviceToken())
                        .header("X-Wasmcloud-Source", "async")
                        .header("X-Wasmcloud-Async-Request", request.toString())
                        .header("X-Wasmcloud-Attempt", "2")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(recordOf(response)).isEqualTo("ok 200");
        UUID id = UUID.fromString(
                response.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow());
        assertThat(jdbc.sql(
                                "SELECT source || ' ' || async_request_id || ' ' || attempt FROM invocations WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("async " + request + " 2");
    }

    @Test
    void anAttemptWithoutItsRequestIsRefused() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri("/internal/functions/" + privateName + "/invoke"))
                        .header("Authorization", "Bearer " + serviceToken())
                        .header("X-Wasmcloud-Source", "async")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("X-Wasmcloud-Async-Request");
    }

    /** A token as the api-server signs one. */
    private static String serviceToken() {
        Instant now = Instant.now();
        return Jwts.builder()
                .subject(ServiceToken.SUBJECT)
                .audience()
                .add(ServiceToken.AUDIENCE)
                .and()
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ServiceToken.LIFETIME)))
                .signWith(Keys.hmacShaKeyFor(Base64.getDecoder().decode(SERVICE_SECRET)))
                .compact();
    }
}
