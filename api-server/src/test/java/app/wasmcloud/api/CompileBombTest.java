package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.GeneratedModules;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Modules built to cost minutes of compiling and gigabytes of heap are refused at upload, in seconds, with a 422
 * that names the limit they break; a large ordinary program still deploys.
 */
class CompileBombTest extends ApiTestBase {

    private static final long MIB = 1 << 20;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void theBrTableBombIsRefusedInSecondsNamingTheLimitAndAllocatingLittle() throws Exception {
        // One br_table of 1,000,000 targets in a 1 MB module: 3.5 minutes and 5.6 GB to compile before the limits.
        byte[] bomb = GeneratedModules.brTable(1_000_001);
        String name = uniqueName("brtable");

        long allocatedBefore = allocatedByAllThreads();
        long started = System.nanoTime();
        HttpResponse<String> response =
                upload("/api/functions/" + name + "/versions?create=true", devToken(), "bomb.wasm", bomb);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        JsonNode errors = body(response).get("errors");
        assertThat(errors.toString())
                .contains("over the limit on br_table targets")
                .contains("1000001")
                .contains("the limit is 65520");
        // The upload itself is a megabyte, buffered a few times over; compiling it would have been gigabytes.
        assertThat(allocatedByAllThreads() - allocatedBefore).isLessThan(256 * MIB);
        assertThat(get("/api/functions/" + name, devToken()).statusCode()).isEqualTo(404);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aFunctionBodyOverTheSizeLimitIsRefusedNamingTheLimit() throws Exception {
        byte[] bomb = GeneratedModules.bodyOfSize(3 << 20);

        HttpResponse<String> response =
                upload("/api/functions/" + uniqueName("body") + "/versions?create=true", devToken(), "body.wasm", bomb);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(body(response).get("errors").toString())
                .contains("over the limit on function body bytes")
                .contains("3145728")
                .contains("the limit is 1048576");
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aMegabyteOfOrdinaryCodeStillDeploys() throws Exception {
        byte[] program = GeneratedModules.ordinaryProgram(1_000);

        HttpResponse<String> response = upload(
                "/api/functions/" + uniqueName("large") + "/versions?create=true", devToken(), "large.wasm", program);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(body(response).get("sizeBytes").asLong()).isEqualTo(program.length);
    }

    /** Bytes allocated so far by every live thread of this JVM (the server's included: it runs in-process). */
    private static long allocatedByAllThreads() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long allocated : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, allocated);
        }
        return total;
    }
}
