package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.FakeGitea;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code wasmcloud login} from the server's side: a browser (an HTTP client following redirects by hand, keeping
 * cookies) is sent to a real loopback listener, as the CLI runs one, and the CLI trades the code for a token.
 */
class CliLoginTest extends ApiTestBase {

    static final String INVALID_CODE = "The login code is invalid or has expired; run `wasmcloud login` again.";

    /** The CLI's loopback listener: completes with the callback's query parameters. */
    HttpServer listener;

    CompletableFuture<Map<String, String>> callback;

    @BeforeEach
    void startListener() throws Exception {
        callback = new CompletableFuture<>();
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/callback", exchange -> {
            callback.complete(UriComponentsBuilder.fromUri(exchange.getRequestURI())
                    .build()
                    .getQueryParams()
                    .toSingleValueMap());
            byte[] page = "You can close this window.".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        listener.start();
    }

    @AfterEach
    void stopListener() {
        listener.stop(0);
    }

    int port() {
        return listener.getAddress().getPort();
    }

    static String newState() {
        return UUID.randomUUID().toString().replace("-", "_");
    }

    /**
     * A browser: follows redirects one by one and keeps cookies. A remote browser reaches the server through a proxy
     * on loopback (X-Forwarded-*), as behind nginx; links to the public host are sent to this server.
     */
    class Browser {
        static final String PUBLIC_HOST = "api.example.test";

        final Map<String, String> cookies = new LinkedHashMap<>();
        final boolean remote;

        Browser(boolean remote) {
            this.remote = remote;
        }

        HttpResponse<String> get(URI target) throws Exception {
            return send(target, null);
        }

        /** A GET, or with a form a POST of it as application/x-www-form-urlencoded. */
        HttpResponse<String> send(URI target, Map<String, String> form) throws Exception {
            URI local = target.getHost() != null && target.getHost().equals(PUBLIC_HOST)
                    ? uri(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()))
                    : target;
            HttpRequest.Builder request = HttpRequest.newBuilder(local).header("Accept", "text/html");
            if (form != null) {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                                .map(field -> field.getKey() + "="
                                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                                .collect(Collectors.joining("&"))));
            }
            if (!cookies.isEmpty()) {
                request.header(
                        "Cookie",
                        cookies.entrySet().stream()
                                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                                .collect(Collectors.joining("; ")));
            }
            if (remote && local.getPort() == uri("/").getPort()) {
                request.header("X-Forwarded-For", "203.0.113.7")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", PUBLIC_HOST);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                String[] pair = setCookie.split(";")[0].split("=", 2);
                if (pair[1].isEmpty()) {
                    cookies.remove(pair[0]);
                } else {
                    cookies.put(pair[0], pair[1]);
                }
            }
            return response;
        }

        /** Follows redirects until a page, Gitea's authorize page, or the CLI's listener answers. */
        HttpResponse<String> open(URI start) throws Exception {
            return follow(start, null);
        }

        /** Submits the consent page's form with one of its buttons, then follows the redirects. */
        HttpResponse<String> choose(HttpResponse<String> consentPage, String decision) throws Exception {
            Map<String, String> form = hiddenFields(consentPage.body());
            form.put("decision", decision);
            return follow(consentPage.uri().resolve("/login/cli"), form);
        }

        /** Opens the link and approves on the consent page. */
        HttpResponse<String> openAndApprove(URI start) throws Exception {
            HttpResponse<String> consent = open(start);
            assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
            assertThat(consent.body()).contains("Authorize the wasmcloud CLI");
            return choose(consent, "approve");
        }

        private HttpResponse<String> follow(URI start, Map<String, String> form) throws Exception {
            URI next = start;
            Map<String, String> body = form;
            for (int hops = 0; hops < 10; hops++) {
                HttpResponse<String> response = send(next, body);
                body = null;
                if (response.statusCode() != 302 && response.statusCode() != 303) {
                    return response;
                }
                URI location =
                        next.resolve(response.headers().firstValue("Location").orElseThrow());
                if (location.toString().startsWith(GITEA.baseUrl() + "/login/oauth/authorize")) {
                    return response;
                }
                next = location;
            }
            throw new AssertionError("too many redirects from " + start);
        }

        /** Gitea's part: the user agrees, Gitea sends the browser back to the callback with a code and the state. */
        HttpResponse<String> approveAtGitea(HttpResponse<String> authorizeRedirect, String login) throws Exception {
            URI authorize = URI.create(
                    authorizeRedirect.headers().firstValue("Location").orElseThrow());
            Map<String, String> query = UriComponentsBuilder.fromUri(authorize)
                    .build(true)
                    .getQueryParams()
                    .toSingleValueMap();
            String redirectUri = java.net.URLDecoder.decode(query.get("redirect_uri"), StandardCharsets.UTF_8);
            assertThat(redirectUri).isEqualTo("https://" + PUBLIC_HOST + "/login/oauth2/code/gitea");
            return open(URI.create(redirectUri + "?code=" + FakeGitea.code(login) + "&state=" + query.get("state")));
        }
    }

    /** The hidden inputs of a page's form, in order. */
    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(html);
        while (input.find()) {
            fields.put(input.group(1), HtmlUtils.htmlUnescape(input.group(2)));
        }
        return fields;
    }

    static final Pattern HIDDEN_INPUT = Pattern.compile("<input type=\"hidden\" name=\"([a-z]+)\" value=\"([^\"]*)\">");

    URI cliLogin(int port, String state) {
        return uri("/login/cli?port=" + port + "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    HttpResponse<String> exchange(String code, String name) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri("/api/cli/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                json.writeValueAsString(Map.of("code", code, "name", name))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    Map<String, String> awaitCallback() throws Exception {
        return callback.get(5, TimeUnit.SECONDS);
    }

    /** Logs the dev admin in through the browser step and returns the code the listener got. */
    String devCode() throws Exception {
        String state = newState();
        HttpResponse<String> landed = new Browser(false).openAndApprove(cliLogin(port(), state));
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        Map<String, String> query = awaitCallback();
        assertThat(query).containsEntry("state", state);
        return query.get("code");
    }

    @Test
    void inDevModeTheLocalBrowserApprovesAndHandsTheListenerACodeThatTheCliTradesForAnAdminToken() throws Exception {
        String state = newState();
        Browser browser = new Browser(false);

        HttpResponse<String> consent = browser.get(cliLogin(port(), state));
        boolean calledBeforeApproval = callback.isDone();
        Map<String, String> form = hiddenFields(consent.body());
        form.put("decision", "approve");
        HttpResponse<String> redirect = browser.send(uri("/login/cli"), form);
        HttpResponse<String> landed =
                browser.get(URI.create(redirect.headers().firstValue("Location").orElseThrow()));
        Map<String, String> query = awaitCallback();
        HttpResponse<String> created = exchange(query.get("code"), "wasmcloud CLI on laptop");

        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(calledBeforeApproval)
                .as("nothing reaches the CLI before the user approves")
                .isFalse();
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location").orElseThrow())
                .matches("http://127\\.0\\.0\\.1:" + port() + "/callback\\?code=[A-Za-z0-9_-]{43}&state=" + state);
        assertThat(redirect.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(query).containsEntry("state", state);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode token = body(created);
        assertThat(token.get("name").asString()).isEqualTo("wasmcloud CLI on laptop");
        assertThat(token.get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("admin", "deploy", "invoke", "read");
        Instant expiresAt = Instant.parse(token.get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(89), Duration.ofDays(90));
        HttpResponse<String> whoami = get("/api/whoami", token.get("token").asString());
        assertThat(body(whoami).get("login").asString()).isEqualTo("dev");
    }

    @Test
    void theConsentPageNamesTheServerAndTheAccountAndCannotBeFramed() throws Exception {
        HttpResponse<String> consent = new Browser(false).get(cliLogin(port(), newState()));

        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(consent.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(consent.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(consent.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'");
        assertThat(consent.body())
                .contains("Authorize the wasmcloud CLI on 127.0.0.1?")
                .contains("127.0.0.1:" + port())
                .contains("<strong>dev</strong>")
                .contains("wasmcloud CLI on &lt;computer name&gt;")
                .contains("expires in 90 days")
                .contains("<form method=\"post\" action=\"/login/cli\">")
                .contains("value=\"approve\">Approve</button>")
                .contains("value=\"cancel\">Cancel</button>");
        assertThat(hiddenFields(consent.body())).containsOnlyKeys("port", "state", "consent");
    }

    @Test
    void cancellingTellsTheListenerAccessWasDeniedAndIssuesNoCode() throws Exception {
        String state = newState();
        Browser browser = new Browser(false);
        long codesBefore = codeCount();

        HttpResponse<String> consent = browser.open(cliLogin(port(), state));
        HttpResponse<String> landed = browser.choose(consent, "cancel");
        Map<String, String> query = awaitCallback();

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(query).containsEntry("error", "access_denied").containsEntry("state", state);
        assertThat(query).doesNotContainKey("code");
        assertThat(codeCount()).isEqualTo(codesBefore);
    }

    @Test
    void anApprovalThatDidNotComeFromTheConsentPageIsRefusedAndIssuesNoCode() throws Exception {
        String state = newState();
        Browser browser = new Browser(false);
        Map<String, String> shown =
                hiddenFields(browser.get(cliLogin(port(), state)).body());
        long codesBefore = codeCount();

        Map<String, String> forged = new LinkedHashMap<>(Map.of("port", Integer.toString(port()), "state", state));
        forged.put("decision", "approve");
        Map<String, String> otherState = new LinkedHashMap<>(shown);
        otherState.put("state", newState());
        otherState.put("decision", "approve");
        Map<String, String> tampered = new LinkedHashMap<>(shown);
        tampered.put(
                "consent",
                shown.get("consent").substring(0, shown.get("consent").length() - 2) + "xx");
        tampered.put("decision", "approve");
        List<HttpResponse<String>> attempts = List.of(
                browser.send(uri("/login/cli"), forged),
                browser.send(uri("/login/cli"), otherState),
                browser.send(uri("/login/cli"), tampered),
                new Browser(true).send(uri("/login/cli"), withDecision(shown, "approve")));

        for (HttpResponse<String> attempt : attempts) {
            assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(403);
            assertThat(attempt.body()).contains("nothing was issued");
            assertThat(attempt.headers().firstValue("Location")).isEmpty();
        }
        assertThat(codeCount()).isEqualTo(codesBefore);
        assertThat(callback).isNotDone();
    }

    static Map<String, String> withDecision(Map<String, String> fields, String decision) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("decision", decision);
        return form;
    }

    long codeCount() {
        return jdbc.sql("SELECT count(*) FROM cli_login_codes")
                .query(Long.class)
                .single();
    }

    @Test
    void onlyTheCodesHashIsStoredAndItExpiresAfterTwoMinutes() throws Exception {
        String code = devCode();

        Map<String, Object> row = jdbc.sql(
                        "SELECT extract(epoch FROM expires_at - created_at)::int AS lifetime, used_at"
                                + " FROM cli_login_codes WHERE code_sha256 = :hash")
                .param("hash", MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)))
                .query()
                .singleRow();

        assertThat(row).containsEntry("lifetime", 120);
        assertThat(row.get("used_at")).isNull();
    }

    @Test
    void aCodeWorksOnceAndAReplayIs400() throws Exception {
        String code = devCode();

        HttpResponse<String> first = exchange(code, "first");
        HttpResponse<String> replay = exchange(code, "replay");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(body(replay).get("detail").asString()).isEqualTo(INVALID_CODE);
    }

    @Test
    void anExpiredOrUnknownCodeIs400() throws Exception {
        String code = devCode();
        jdbc.sql("UPDATE cli_login_codes SET expires_at = now() - interval '1 second' WHERE code_sha256 = :hash")
                .param("hash", MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII)))
                .update();

        HttpResponse<String> expired = exchange(code, "late");
        HttpResponse<String> unknown = exchange("A".repeat(43), "guess");
        HttpResponse<String> malformed = exchange("not a code", "guess");

        for (HttpResponse<String> response : List.of(expired, unknown, malformed)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(body(response).get("detail").asString()).isEqualTo(INVALID_CODE);
        }
    }

    @Test
    void aBadPortOrStateIs400AndSaysWhatIsAllowed() throws Exception {
        List<String> queries = List.of(
                "port=80&state=" + newState(),
                "port=65536&state=" + newState(),
                "port=http&state=" + newState(),
                "state=" + newState(),
                "port=50000&state=tooshort",
                "port=50000&state=" + "a".repeat(129),
                "port=50000&state=" + "a".repeat(20) + "%2B",
                "port=50000");

        for (String query : queries) {
            HttpResponse<String> problem = send("GET", "/login/cli?" + query, null, null);
            assertThat(problem.statusCode()).as(query).isEqualTo(400);
            assertThat(body(problem).get("detail").asString()).contains("1024 to 65535", "16 to 128 characters");
        }
        HttpResponse<String> page = new Browser(false).get(uri("/login/cli?port=80&state=" + newState()));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("1024 to 65535");
        assertThat(callback).isNotDone();
    }

    @Test
    void aRemoteBrowserLogsInWithGiteaComesBackAndAPendingUserGetsNoCode() throws Exception {
        String login = uniqueName("cli-user");
        FakeGitea.userApproves(GITEA, GiteaLoginTest.newGiteaId(), login);
        String state = newState();
        Browser browser = new Browser(true);

        HttpResponse<String> toGitea = browser.open(cliLogin(port(), state));
        HttpResponse<String> pending = browser.approveAtGitea(toGitea, login);

        assertThat(browser.cookies).containsKey("wasmcloud_session");
        assertThat(pending.statusCode()).as(pending.body()).isEqualTo(403);
        assertThat(pending.body()).contains("pending").contains(login);
        assertThat(callback).isNotDone();

        // An admin approves; the browser's session now suffices, with no trip to Gitea.
        jdbc.sql("UPDATE users SET status = 'active' WHERE login = :login")
                .param("login", login)
                .update();
        HttpResponse<String> landed = browser.openAndApprove(cliLogin(port(), state));
        Map<String, String> query = awaitCallback();
        HttpResponse<String> created = exchange(query.get("code"), "wasmcloud CLI on desk");

        assertThat(landed.statusCode()).isEqualTo(200);
        assertThat(query).containsEntry("state", state);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode token = body(created);
        assertThat(token.get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("deploy", "invoke", "read");
        assertThat(body(get("/api/whoami", token.get("token").asString()))
                        .get("login")
                        .asString())
                .isEqualTo(login);
    }

    @Test
    void anActiveGiteaUserGoesFromTheLoginLinkThroughGiteaToTheConsentPageAndOnToTheListener() throws Exception {
        String login = uniqueName("cli-active");
        long giteaId = GiteaLoginTest.newGiteaId();
        FakeGitea.userApproves(GITEA, giteaId, login);
        jdbc.sql("INSERT INTO users (gitea_id, login, role, status) VALUES (:id, :login, 'user', 'active')")
                .param("id", giteaId)
                .param("login", login)
                .update();
        String state = newState();
        Browser browser = new Browser(true);

        HttpResponse<String> toGitea = browser.open(cliLogin(port(), state));
        URI returnTo = URI.create(toGitea.request().uri().toString());
        HttpResponse<String> consent = browser.approveAtGitea(toGitea, login);
        HttpResponse<String> landed = browser.choose(consent, "approve");

        assertThat(returnTo.getRawQuery()).startsWith("return-to=%2Flogin%2Fcli%3Fport%3D" + port());
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains("Authorize the wasmcloud CLI on " + Browser.PUBLIC_HOST + "?");
        assertThat(consent.body()).contains("<strong>" + login + "</strong>");
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(awaitCallback()).containsEntry("state", state);
    }

    @Test
    void aLoginThatWouldReturnToAnotherSiteIsRefused() throws Exception {
        List<String> attempts =
                List.of("https://evil.example/steal", "//evil.example/steal", "/\\evil.example", "javascript:alert(1)");

        for (String attempt : attempts) {
            HttpResponse<String> refused = send(
                    "GET",
                    "/oauth2/authorization/gitea?return-to=" + URLEncoder.encode(attempt, StandardCharsets.UTF_8),
                    null,
                    null);
            assertThat(refused.statusCode()).as(attempt).isEqualTo(400);
            assertThat(body(refused).get("detail").asString()).contains("must be a path on this server");
            assertThat(refused.headers().firstValue("Location")).isEmpty();
        }
        HttpResponse<String> allowed = send(
                "GET",
                "/oauth2/authorization/gitea?return-to=" + URLEncoder.encode("/panel/", StandardCharsets.UTF_8),
                null,
                null);
        assertThat(allowed.statusCode()).isEqualTo(302);
    }
}
