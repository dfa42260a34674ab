package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminTest extends ApiTestBase {

    @Test
    void pendingUsersAreListedAndAnApprovedOneCanUseTheApi() throws Exception {
        String admin = devToken();
        String login = uniqueName("applicant");
        String pendingToken = tokenFor(login, Role.USER, UserStatus.PENDING, Scope.READ);
        assertThat(get("/api/whoami", pendingToken).statusCode()).isEqualTo(401);

        JsonNode pending = body(get("/api/admin/users?status=pending", admin));
        HttpResponse<String> approved = send("POST", "/api/admin/users/" + login + "/approve", admin, null);

        assertThat(pending.toString()).contains("\"login\":\"" + login + "\"");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(body(approved).get("status").asString()).isEqualTo("active");
        assertThat(get("/api/whoami", pendingToken).statusCode()).isEqualTo(200);
        assertThat(body(get("/api/admin/users?status=pending", admin)).toString())
                .doesNotContain("\"login\":\"" + login + "\"");
    }

    @Test
    void suspendingAUserStopsTheirTokensAndNotifiesEachOfTheirFunctions() throws Exception {
        String admin = devToken();
        String login = uniqueName("suspect");
        String token = userToken(login);
        String first = deployHello(token, "sus-a");
        String second = deployHello(token, "sus-b");

        try (FunctionNotifications notifications = new FunctionNotifications()) {
            HttpResponse<String> suspended = send("POST", "/api/admin/users/" + login + "/suspend", admin, null);

            assertThat(suspended.statusCode()).isEqualTo(200);
            assertThat(body(suspended).get("status").asString()).isEqualTo("suspended");
            assertThat(notifications.awaitFor(first, Duration.ofSeconds(5))).hasSize(1);
            assertThat(notifications.awaitFor(second, Duration.ofSeconds(5))).hasSize(1);
        }
        HttpResponse<String> refused = get("/api/functions", token);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT status FROM users WHERE login = :login")
                        .param("login", login)
                        .query(String.class)
                        .single())
                .isEqualTo("suspended");
    }

    @Test
    void adminRoutesAreForbiddenToOrdinaryUsersAndToAdminTokensWithoutTheAdminScope() throws Exception {
        String user = userToken("ordinary");
        String narrowAdmin = tokenFor("narrow-admin", Role.ADMIN, UserStatus.ACTIVE, Scope.READ);

        HttpResponse<String> list = get("/api/admin/users", user);
        HttpResponse<String> suspend = send("POST", "/api/admin/users/dev/suspend", user, null);
        HttpResponse<String> narrow = get("/api/admin/users", narrowAdmin);

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(body(list).get("detail").asString()).contains("Only admins");
        assertThat(suspend.statusCode()).isEqualTo(403);
        assertThat(narrow.statusCode()).isEqualTo(403);
        assertThat(get("/api/whoami", devToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownUsersAndStatusesAreReportedAndAdminsCannotSuspendThemselves() throws Exception {
        String admin = devToken();

        assertThat(send("POST", "/api/admin/users/nobody-here/approve", admin, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/admin/users?status=banned", admin).statusCode()).isEqualTo(400);
        HttpResponse<String> self = send("POST", "/api/admin/users/dev/suspend", admin, null);
        assertThat(self.statusCode()).isEqualTo(409);
    }
}
