package app.wasmcloud.executor.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvocationIdsTest {

    @Test
    void idsAreVersion7UuidsCarryingTheTimeTheyWereMade() {
        long before = System.currentTimeMillis();
        UUID id = InvocationIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void idsMadeInLaterMillisecondsSortLaterAndNoneRepeats() throws InterruptedException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(InvocationIds.next());
            Thread.sleep(2);
        }
        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(InvocationIds.next());
        }

        assertThat(ids).isSortedAccordingTo((a, b) -> a.toString().compareTo(b.toString()));
        assertThat(new HashSet<>(many)).hasSize(many.size());
    }
}
