package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * cgi.md's cookie rule: a function's cookies stay within its own origin. On its host-style origin a {@code Domain}
 * wider than its own host (the run domain, which every other function shares) is dropped; on the shared path-style
 * origin every {@code Set-Cookie} is. {@code Date} and {@code Server} are the platform's.
 */
@Timeout(60)
class CookieScopeTest extends ExecutorTest {

    private static final Pattern INVOCATION_ID = Pattern.compile("(?i)X-Wasmcloud-Invocation-Id: ([0-9a-f-]{36})");

    @Test
    void onItsOwnHostAFunctionKeepsItsHostOnlyCookieButNotOnesForTheWholeRunDomain() throws Exception {
        String name = deploy("cookie_scope");

        String reply = rawHttp("GET / HTTP/1.1\r\nHost: " + name + "." + RUN_DOMAIN + "\r\nConnection: close\r\n\r\n");

        assertThat(reply).startsWith("HTTP/1.1 200");
        String head = reply.substring(0, reply.indexOf("\r\n\r\n"));
        assertThat(head)
                .contains("Set-Cookie: own=1; Path=/")
                .doesNotContain("wide=2")
                .doesNotContain("dotted=3");
        assertThat(head).doesNotContain("1970").doesNotContain("evil/1.0");
        assertThat(head).containsPattern("(?m)^Date: .* GMT$");
        assertThat(logLinesOf(head))
                .contains("dropped Set-Cookie wide")
                .contains("Domain=run.example.test is not the function's own host " + name + "." + RUN_DOMAIN)
                .contains("dropped Set-Cookie dotted");
    }

    @Test
    void onTheSharedPathStyleOriginNoSetCookieReachesTheBrowser() throws Exception {
        String name = deploy("cookie_scope");

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("set\n");
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Server")).isEmpty();
        assertThat(response.headers().firstValue("Date").orElseThrow()).doesNotContain("1970");
    }

    /** The log lines the invocation recorded, once the batch writer has stored them. */
    private String logLinesOf(String head) throws Exception {
        Matcher id = INVOCATION_ID.matcher(head);
        assertThat(id.find()).as(head).isTrue();
        UUID invocation = UUID.fromString(id.group(1));
        String[] lines = new String[1];
        awaitUntil(Duration.ofSeconds(5), "invocation " + invocation + " is recorded", () -> {
            lines[0] = jdbc.sql("SELECT log_lines::text FROM invocations WHERE id = :id")
                    .param("id", invocation)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            return lines[0] != null;
        });
        return lines[0];
    }
}
