package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Every hostile fixture at once, each ending its own invocations with its documented status and outcome, while a
 * steady stream of requests to hello keeps getting 200. Its own application context: a pool with room for all of
 * them (8 slots), where the shared one has 2 slots to show back-pressure.
 */
@TestPropertySource(
        properties = {"wasmcloud.executor.admission.slots=8", "wasmcloud.executor.admission.max-in-flight-per-user=20"})
class HostileNeighboursTest extends ExecutorTest {

    private static final int ROUNDS = 3;

    @Test
    void hostileFunctionsEndOnlyTheirOwnInvocationsWhileHelloKeepsAnswering200() throws Exception {
        String hello = deploy("hello");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(deploy(readModule("spin"), "public", 500), "timeout 504");
        expected.put(deploy("trap"), "trap 502");
        expected.put(deploy("recursion"), "trap 502");
        expected.put(deploy("grow_bomb"), "memory_limit 502");
        expected.put(deploy("output_flood"), "output_limit 502");
        expected.put(deploy("stderr_flood"), "output_limit 502");

        // Compiled first: a request waits for its module's compile at most its own timeout (spin's is 500 ms), and
        // this test is about running hostile guests, not about cold compiles (CompiledModulesTest covers those).
        for (String name : expected.keySet()) {
            get("/" + name + "/");
        }
        Map<String, Future<List<HttpResponse<String>>>> attacks = new LinkedHashMap<>();
        List<HttpResponse<String>> hellos = new ArrayList<>();
        try (ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String name : expected.keySet()) {
                attacks.put(name, attackers.submit(() -> attack(name)));
            }
            // Hello is asked all the while the attacks last, and at least a few times in any case.
            while (hellos.size() < 10 || attacks.values().stream().anyMatch(attack -> !attack.isDone())) {
                hellos.add(get("/" + hello + "/"));
                assertThat(hellos.size())
                        .as("hello requests before the attacks ended")
                        .isLessThan(10_000);
            }
            attackers.shutdown();
            assertThat(attackers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        }

        assertThat(hellos).allSatisfy(response -> {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hello from wasmcloud!\nmethod: GET\npath: /\nbody: \n");
        });
        for (Map.Entry<String, String> hostile : expected.entrySet()) {
            List<HttpResponse<String>> responses = attacks.get(hostile.getKey()).get();
            String status = hostile.getValue().substring(hostile.getValue().indexOf(' ') + 1);
            assertThat(responses)
                    .as(hostile.getKey())
                    .hasSize(ROUNDS)
                    .allSatisfy(response ->
                            assertThat(String.valueOf(response.statusCode())).isEqualTo(status));
            assertThat(recordOf(responses.getLast())).as(hostile.getKey()).isEqualTo(hostile.getValue());
        }
    }

    private List<HttpResponse<String>> attack(String name) {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            responses.add(get("/" + name + "/"));
        }
        return responses;
    }
}
