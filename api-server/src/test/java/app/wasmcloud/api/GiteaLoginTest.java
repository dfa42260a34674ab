package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.FakeGitea;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/** The browser login, driven redirect by redirect against a WireMock Gitea. */
class GiteaLoginTest extends ApiTestBase {

    /** What the browser holds after the callback: the final redirect and the cookies set on the way. */
    record Login(HttpResponse<String> callback, Map<String, String> cookies, List<String> setCookies) {

        String cookieHeader() {
            return cookies.entrySet().stream()
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    Login loginWithGitea(long giteaId, String login, boolean tamperState) throws Exception {
        FakeGitea.userApproves(GITEA, giteaId, login);

        HttpResponse<String> start = http.send(
                HttpRequest.newBuilder(uri("/oauth2/authorization/gitea")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = URI.create(start.headers().firstValue("Location").orElseThrow());
        assertThat(authorize.toString()).startsWith(GITEA.baseUrl() + "/login/oauth/authorize?");
        Map<String, String> query =
                UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("client_id", "wasmcloud-test").containsEntry("response_type", "code");
        String requestCookie = start.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("wasmcloud_oauth2="))
                .findFirst()
                .orElseThrow()
                .split(";")[0];

        // Gitea, after the user agrees, sends the browser back with a code and the same state.
        String state = tamperState ? "forged" : URLDecoder.decode(query.get("state"), StandardCharsets.UTF_8);
        URI callback = URI.create(URLDecoder.decode(query.get("redirect_uri"), StandardCharsets.UTF_8)
                + "?code=" + FakeGitea.code(login) + "&state="
                + URLEncoder.encode(state, StandardCharsets.UTF_8));
        HttpResponse<String> landed = http.send(
                HttpRequest.newBuilder(callback).header("Cookie", requestCookie).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> setCookies = landed.headers().allValues("Set-Cookie");
        Map<String, String> cookies = setCookies.stream()
                .map(cookie -> cookie.split(";")[0].split("=", 2))
                .filter(pair -> !pair[1].isEmpty())
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1], (a, b) -> b));
        return new Login(landed, cookies, setCookies);
    }

    HttpResponse<String> withCookies(Login login, String method, String path, String xsrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Cookie", login.cookieHeader())
                .method(
                        method,
                        method.equals("GET")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{\"name\":\"" + uniqueName("cookie") + "\"}"))
                .header("Content-Type", "application/json");
        if (xsrf != null) {
            request.header("X-XSRF-TOKEN", xsrf);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long newGiteaId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    @Test
    void aNewGiteaUserIsCreatedPendingAndGetsASecureSessionCookieThatOnlyShowsTheirStatus() throws Exception {
        String login = uniqueName("newcomer");
        long giteaId = newGiteaId();

        Login result = loginWithGitea(giteaId, login, false);

        assertThat(result.callback().statusCode()).isEqualTo(302);
        assertThat(result.callback().headers().firstValue("Location")).hasValue(PANEL_URL);
        String session = result.setCookies().stream()
                .filter(cookie -> cookie.startsWith("wasmcloud_session="))
                .findFirst()
                .orElseThrow();
        assertThat(session).contains("HttpOnly").contains("Secure").contains("SameSite=Lax");
        String xsrf = result.setCookies().stream()
                .filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .findFirst()
                .orElseThrow();
        assertThat(xsrf).doesNotContain("HttpOnly").contains("Secure");
        Map<String, Object> row = jdbc.sql("SELECT gitea_id, role, status FROM users WHERE login = :login")
                .param("login", login)
                .query()
                .singleRow();
        assertThat(row)
                .containsEntry("gitea_id", giteaId)
                .containsEntry("role", "user")
                .containsEntry("status", "pending");
        HttpResponse<String> whoami = withCookies(result, "GET", "/api/whoami", null);
        assertThat(whoami.statusCode()).isEqualTo(200);
        assertThat(body(whoami).get("status").asString()).isEqualTo("pending");
        HttpResponse<String> functions = withCookies(result, "GET", "/api/functions", null);
        assertThat(functions.statusCode()).isEqualTo(403);
        assertThat(body(functions).get("detail").asString()).contains("pending");
    }

    @Test
    void aConfiguredAdminIsActiveAndCookieRequestsThatChangeStateNeedTheXsrfHeader() throws Exception {
        Login admin = loginWithGitea(newGiteaId(), GITEA_ADMIN, false);
        String xsrf = admin.cookies().get("XSRF-TOKEN");

        HttpResponse<String> forged = withCookies(admin, "POST", "/api/functions", null);
        HttpResponse<String> wrong = withCookies(admin, "POST", "/api/functions", "guess");
        HttpResponse<String> created = withCookies(admin, "POST", "/api/functions", xsrf);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(body(forged).get("detail").asString()).contains("X-XSRF-TOKEN");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(body(withCookies(admin, "GET", "/api/whoami", null))
                        .get("role")
                        .asString())
                .isEqualTo("admin");
    }

    @Test
    void aCallbackWithAForgedStateSetsNoSessionAndSaysLoginFailed() throws Exception {
        Login result = loginWithGitea(newGiteaId(), uniqueName("victim"), true);

        assertThat(result.callback().statusCode()).isEqualTo(302);
        assertThat(result.callback().headers().firstValue("Location"))
                .hasValue(PANEL_URL + "?login-error=gitea-failed");
        assertThat(result.cookies()).doesNotContainKey("wasmcloud_session");
    }

    @Test
    void aSuspendedUsersSessionCookieIsRefusedAndTheyCannotLogInAgain() throws Exception {
        String login = uniqueName("banned");
        long giteaId = newGiteaId();
        Login first = loginWithGitea(giteaId, login, false);
        send("POST", "/api/admin/users/" + login + "/suspend", devToken(), null);

        HttpResponse<String> refused = withCookies(first, "GET", "/api/whoami", null);
        Login again = loginWithGitea(giteaId, login, false);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(again.callback().headers().firstValue("Location")).hasValue(PANEL_URL + "?login-error=suspended");
        assertThat(again.cookies()).doesNotContainKey("wasmcloud_session");
    }

    @Test
    void aGiteaLoginCannotTakeOverAnAccountItDoesNotOwn() throws Exception {
        Login result = loginWithGitea(newGiteaId(), "dev", false);

        assertThat(result.callback().headers().firstValue("Location")).hasValue(PANEL_URL + "?login-error=login-taken");
        assertThat(result.cookies()).doesNotContainKey("wasmcloud_session");
    }

    @Test
    void loggingOutClearsTheSessionCookies() throws Exception {
        Login admin = loginWithGitea(newGiteaId(), GITEA_ADMIN + "-x", false);
        jdbc.sql("UPDATE users SET status = 'active' WHERE login = :login")
                .param("login", GITEA_ADMIN + "-x")
                .update();

        HttpResponse<String> logout =
                withCookies(admin, "POST", "/api/logout", admin.cookies().get("XSRF-TOKEN"));

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("wasmcloud_session=;").contains("Max-Age=0"));
    }
}
