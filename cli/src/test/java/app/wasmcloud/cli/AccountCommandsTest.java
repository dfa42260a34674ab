package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `account` (show, apply, usage) and the admins' side of tiers against a fake API. */
class AccountCommandsTest {
    private static final String ACCOUNT = """
            {"login":"ada","role":"user","status":"active","tier":"examples",
             "quotas":{"functions":3,"invocationsPerDay":1000,"cpuSecondsPerDay":60,"requestsPerSecond":null},
             "quotaOverrides":{"functions":null,"invocationsPerDay":null,"cpuSecondsPerDay":null,"requestsPerSecond":null},
             "application":{"state":"declined","reason":"mining","tier":null,"message":"No mining.",
                            "appliedAt":"2026-12-01T10:00:00Z","decidedAt":"2026-12-01T11:00:00Z"},
             "examples":[{"path":"hello/hello.wasm","sha256":"76dc"}]}""";

    private static final String USAGE = """
            {"login":"ada","since":"2026-12-01","days":[
             {"day":"2026-12-01","invocations":4,"cpuTimeUs":5400,"bytesIn":35,"bytesOut":2048,
              "outboundRequests":3,"refused":2}]}""";

    @TempDir
    Path dir;

    FakeApi api;
    CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi();
        cli = new CliRun(dir).env("WASMCLOUD_API", api.url()).env("WASMCLOUD_TOKEN", FakeApi.TOKEN);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void accountShowPrintsTheTierTheQuotasAndTheAdminsAnswer() {
        api.answer("GET /api/account", 200, ACCOUNT);

        CliRun.Result result = cli.run("account", "show");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout())
                .contains("tier                     examples")
                .contains("invocations/day          1000")
                .contains("requests/s per function  no limit")
                .contains("Application (2026-12-01T10:00:00Z): declined: No mining.");
    }

    @Test
    void accountApplyPostsTheReason() {
        api.answer("POST /api/account/application", 201, """
                {"state":"pending","reason":"a club's webhooks","appliedAt":"2026-12-01T10:00:00Z"}""");

        CliRun.Result result = cli.run("account", "apply", "--reason", "a club's webhooks");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().bodyText()).isEqualToIgnoringWhitespace("{\"reason\":\"a club's webhooks\"}");
        assertThat(result.stdout()).startsWith("Applied; an admin will review it.");
    }

    @Test
    void accountApplyWithoutAReasonIsAUsageError() {
        CliRun.Result result = cli.run("account", "apply");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--reason");
    }

    @Test
    void accountUsageAsksFromTheDayGivenAndPrintsADayPerRowOrJson() {
        api.answer("GET /api/account/usage", 200, USAGE);

        CliRun.Result table = cli.run("account", "usage", "--since", "2026-12-01");
        CliRun.Result json = cli.run("account", "usage", "-o", "json");

        assertThat(api.received().get(0).query()).isEqualTo("since=2026-12-01");
        assertThat(api.received().get(1).query()).isNull();
        assertThat(table.stdout()).isEqualTo("""
                DAY         INVOCATIONS  CPU      IN    OUT      OUTBOUND  REFUSED
                2026-12-01  4            0.005 s  35 B  2.0 KiB  3         2
                """);
        assertThat(json.stdout()).isEqualToIgnoringWhitespace(USAGE);
    }

    @Test
    void aSinceThatIsNotADayIsAUsageErrorBeforeAnyRequest() {
        CliRun.Result result = cli.run("account", "usage", "--since", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("--since").contains("yesterday");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void adminUsersPendingShowsTheQueueWithReasons() {
        api.answer("GET /api/admin/users", 200, """
                [{"login":"ada","role":"user","status":"active","tier":"examples",
                  "application":{"reason":"webhooks","appliedAt":"2026-12-01T10:00:00Z"},
                  "createdAt":"2026-11-01T00:00:00Z"},
                 {"login":"bob","role":"user","status":"pending","tier":"examples","application":null,
                  "createdAt":"2026-11-02T00:00:00Z"}]""");

        CliRun.Result result = cli.run("admin", "users", "--pending");

        assertThat(api.onlyRequest().query()).isEqualTo("status=pending");
        assertThat(result.stdout()).isEqualTo("""
                LOGIN  STATUS   TIER      APPLIED               REASON
                ada    active   examples  2026-12-01T10:00:00Z  webhooks
                bob    pending  examples  -                     (signup)
                """);
    }

    @Test
    void adminApproveIntoATierDeclineAndQuotasReachTheirEndpoints() {
        String ada = """
                {"login":"ada","role":"user","status":"active","tier":"free","createdAt":"2026-11-01T00:00:00Z"}""";
        api.answer("POST /api/admin/users/ada/approve", 200, ada)
                .answer("POST /api/admin/users/bob/decline", 200, """
                        {"login":"bob","role":"user","status":"active","tier":"examples",
                         "createdAt":"2026-11-01T00:00:00Z"}""")
                .answer("PUT /api/admin/users/ada/quotas", 200, ada);

        CliRun.Result approved = cli.run("admin", "approve", "ada", "--tier", "free");
        CliRun.Result declined = cli.run("admin", "decline", "bob", "--message", "Not yet.");
        CliRun.Result quotas = cli.run("admin", "quotas", "ada", "--invocations-per-day", "50000");

        assertThat(approved.stdout()).isEqualTo("Approved ada (tier free)\n");
        assertThat(api.received().get(0).query()).isEqualTo("tier=free");
        assertThat(declined.stdout()).isEqualTo("Declined bob (tier examples)\n");
        assertThat(api.received().get(1).bodyText()).isEqualToIgnoringWhitespace("{\"message\":\"Not yet.\"}");
        assertThat(quotas.exitCode()).as(quotas.toString()).isZero();
        assertThat(api.received().get(2).bodyText())
                .isEqualToIgnoringWhitespace(
                        "{\"functions\":null,\"invocationsPerDay\":50000,\"cpuSecondsPerDay\":null,"
                                + "\"requestsPerSecond\":null}");
    }

    @Test
    void aRefusalFromTheExamplesTierIsShownAsTheServerSaysIt() {
        api.answer("GET /api/account/usage", FakeApi.Answer.problem(403, "Your account is on the examples tier"));

        CliRun.Result result = cli.run("account", "usage");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).isEqualTo("error: Your account is on the examples tier\n");
    }
}
