package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Olin's 2018 CGI guests need RUN_ID and WORKER_ID, which Olin's own gateway set, and trap without them. The executor
 * sets both with no configuration of the function: the invocation id, and one id for the executor process.
 */
@Timeout(60)
class Olin2018GuestTest extends ExecutorTest {

    @Test
    void aLegacyCwaMainGuestThatNeedsRunIdAndWorkerIdIsServedWithNoExtraVariables() {
        String name = deploy("olin_2018_cgi");
        jdbc.sql("UPDATE function_versions SET entrypoint = 'cwa_main'"
                        + " WHERE function_id = (SELECT id FROM functions WHERE name = :n)")
                .param("n", name)
                .update();

        HttpResponse<String> first = get("/" + name + "/");
        HttpResponse<String> second = get("/" + name + "/");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        String invocationId =
                first.headers().firstValue("X-Wasmcloud-Invocation-Id").orElseThrow();
        assertThat(first.body()).startsWith("run=" + invocationId + "\nworker=");
        String worker =
                first.body().substring(first.body().indexOf("worker=") + 7).strip();
        assertThat(worker).isNotBlank();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body())
                .as("a stable id of the executor process")
                .endsWith("worker=" + worker + "\n")
                .doesNotContain(invocationId);
    }
}
