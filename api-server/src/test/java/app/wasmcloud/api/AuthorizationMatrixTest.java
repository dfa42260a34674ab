package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
import app.wasmcloud.api.user.User;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route against every kind of caller: the server, not the client, decides who may do what. Someone else's
 * function is reported as missing (404) so its existence is not revealed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends ApiTestBase {

    enum Caller {
        ANONYMOUS,
        ANOTHER_USER,
        OWNER,
        ADMIN,
        REVOKED_TOKEN,
        EXPIRED_TOKEN,
        WRONG_SIGNATURE,
        ALG_NONE,
        PENDING_USER,
        SUSPENDED_USER
    }

    /** A route and the status each caller gets; callers left out get 401 (no usable credential). */
    record Route(String method, String path, String body, Map<Caller, Integer> allowed) {}

    private static final EnumSet<Scope> USER_SCOPES = EnumSet.of(Scope.READ, Scope.DEPLOY, Scope.INVOKE);

    private final Map<Caller, String> credentials = new LinkedHashMap<>();
    private String function;

    @BeforeAll
    void createCallersAndAFunction() throws Exception {
        String ownerLogin = uniqueName("owner");
        String owner = userToken(ownerLogin);
        function = deployHello(owner, "matrix");
        credentials.put(Caller.OWNER, owner);
        credentials.put(Caller.ANOTHER_USER, userToken(uniqueName("stranger")));
        credentials.put(Caller.ADMIN, devToken());

        User revokedUser = users.save(new User(uniqueName("revoked"), Role.USER, UserStatus.ACTIVE));
        IssuedToken revoked = tokens.issue(revokedUser, "to revoke", USER_SCOPES, null);
        credentials.put(Caller.REVOKED_TOKEN, revoked.token());
        assertThat(send("DELETE", "/api/tokens/" + revoked.id(), revoked.token(), null)
                        .statusCode())
                .isEqualTo(204);

        User expiredUser = users.save(new User(uniqueName("expired"), Role.USER, UserStatus.ACTIVE));
        credentials.put(
                Caller.EXPIRED_TOKEN,
                tokens.issue(
                                expiredUser,
                                "expired",
                                EnumSet.allOf(Scope.class),
                                Instant.now().minusSeconds(60))
                        .token());

        credentials.put(Caller.WRONG_SIGNATURE, forgedWithAnotherKey(owner));
        credentials.put(Caller.ALG_NONE, unsigned(owner));
        credentials.put(Caller.PENDING_USER, tokenFor(uniqueName("pending"), Role.USER, UserStatus.PENDING));
        credentials.put(Caller.SUSPENDED_USER, tokenFor(uniqueName("suspended"), Role.USER, UserStatus.SUSPENDED));
    }

    @Test
    void everyRouteGivesEachCallerExactlyTheExpectedStatus() throws Exception {
        String fn = "/api/functions/" + function;
        List<Route> routes = List.of(
                new Route("GET", "/api/whoami", null, everyActive(200, 200, 200)),
                new Route("GET", "/api/functions", null, everyActive(200, 200, 200)),
                new Route("POST", "/api/functions", "{\"name\":\"" + uniqueName("m") + "\"}", firstCreates()),
                new Route("GET", fn, null, everyActive(404, 200, 200)),
                new Route("PATCH", fn, "{\"description\":\"checked\"}", everyActive(404, 200, 200)),
                new Route("GET", fn + "/versions", null, everyActive(404, 200, 200)),
                new Route("POST", fn + "/versions/1/activate", null, everyActive(404, 200, 200)),
                new Route("GET", fn + "/env", null, everyActive(404, 200, 200)),
                new Route("PUT", fn + "/env/MATRIX", "{\"value\":\"v\",\"secret\":true}", everyActive(404, 200, 200)),
                new Route("GET", fn + "/invocations", null, everyActive(404, 200, 200)),
                new Route("GET", fn + "/schedules", null, everyActive(404, 200, 200)),
                new Route("POST", fn + "/schedules", "{\"cron\":\"0 3 * * *\"}", everyActive(404, 201, 201)),
                new Route("GET", fn + "/dead-letters", null, everyActive(404, 200, 200)),
                new Route("GET", fn + "/retry-policy", null, everyActive(404, 200, 200)),
                new Route(
                        "GET",
                        "/api/async-invocations/00000000-0000-0000-0000-000000000000",
                        null,
                        everyActive(404, 404, 404)),
                new Route(
                        "GET",
                        "/api/invocations/00000000-0000-0000-0000-000000000000",
                        null,
                        everyActive(404, 404, 404)),
                new Route("GET", "/api/tokens", null, everyActive(200, 200, 200)),
                new Route("GET", "/api/admin/users", null, everyActive(403, 403, 200)),
                new Route("POST", "/api/admin/users/dev/approve", null, everyActive(403, 403, 200)),
                // The code is the credential: whatever else the caller holds, an unknown code gets nothing.
                new Route("POST", "/api/cli/tokens", "{\"code\":\"" + "A".repeat(43) + "\"}", everyone(400)),
                new Route("GET", "/v3/api-docs", null, everyone(200)));

        List<String> mismatches = new ArrayList<>();
        for (Route route : routes) {
            for (Caller caller : Caller.values()) {
                int expected = route.allowed().getOrDefault(caller, 401);
                int actual = send(route.method(), route.path(), credentials.get(caller), route.body())
                        .statusCode();
                if (actual != expected) {
                    mismatches.add(route.method() + " " + route.path() + " as " + caller + ": expected " + expected
                            + ", got " + actual);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void onlyTheOwnerOrAnAdminCanDeleteAFunction() throws Exception {
        String owner = credentials.get(Caller.OWNER);
        String name = deployHello(owner, "doomed");

        int stranger = send("DELETE", "/api/functions/" + name, credentials.get(Caller.ANOTHER_USER), null)
                .statusCode();
        int anonymous = send("DELETE", "/api/functions/" + name, null, null).statusCode();
        int byOwner = send("DELETE", "/api/functions/" + name, owner, null).statusCode();

        assertThat(stranger).isEqualTo(404);
        assertThat(anonymous).isEqualTo(401);
        assertThat(byOwner).isEqualTo(204);
        assertThat(get("/api/functions/" + name, owner).statusCode()).isEqualTo(404);
    }

    /** Active callers get the given statuses; the rest have no usable credential. */
    private static Map<Caller, Integer> everyActive(int anotherUser, int owner, int admin) {
        return Map.of(Caller.ANOTHER_USER, anotherUser, Caller.OWNER, owner, Caller.ADMIN, admin);
    }

    /** Routes that do not depend on the caller. */
    private static Map<Caller, Integer> everyone(int status) {
        Map<Caller, Integer> statuses = new java.util.EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            statuses.put(caller, status);
        }
        return statuses;
    }

    /** Creating a function: the first active caller creates it (201), the next ones find the name taken (409). */
    private static Map<Caller, Integer> firstCreates() {
        return Map.of(Caller.ANOTHER_USER, 201, Caller.OWNER, 409, Caller.ADMIN, 409);
    }

    /** The owner's own claims, signed with a key the server never had. */
    private static String forgedWithAnotherKey(String genuine) {
        byte[] otherKey = "an entirely different signing key!".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> claims = claimsOf(genuine);
        return Jwts.builder()
                .claims(claims)
                .expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(otherKey))
                .compact();
    }

    /** The owner's own claims with {@code "alg":"none"} and no signature. */
    private static String unsigned(String genuine) {
        String header = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = genuine.split("\\.")[1];
        return header + "." + payload + ".";
    }

    private static Map<String, Object> claimsOf(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> claims =
                tools.jackson.databind.json.JsonMapper.builder().build().readValue(payload, Map.class);
        return claims;
    }
}
