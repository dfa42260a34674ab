package app.wasmcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TierTest {

    @Test
    void tiersParseFromTheirStoredSpelling() {
        assertThat(Tier.labels()).containsExactly("examples", "free", "full");
        assertThat(Tier.parse("Free")).contains(Tier.FREE);
        assertThat(Tier.parse("gold")).isEmpty();
        assertThat(Tier.parse(null)).isEmpty();
    }

    @Test
    void anOverrideReplacesOnlyTheNumbersItSets() {
        TierQuotas free = Tier.FREE.defaults();

        TierQuotas raised = free.overriddenBy(new TierQuotas(null, 50_000L, null, null));

        assertThat(raised.invocationsPerDay()).isEqualTo(50_000L);
        assertThat(raised.functions()).isEqualTo(free.functions());
        assertThat(raised.cpuPerDay()).isEqualTo(free.cpuPerDay());
        assertThat(free.overriddenBy(null)).isEqualTo(free);
    }

    @Test
    void theFullTierHasNoRunQuotaUnlessTheOperatorSetsOne() {
        TierQuotas full = Tier.FULL.defaults();

        assertThat(full.functions()).isEqualTo(100);
        assertThat(full.invocationsPerDay()).isEqualTo(TierQuotas.NO_LIMIT);
        assertThat(full.cpuMicrosPerDay()).isEqualTo(Long.MAX_VALUE);
        assertThat(full.requestsPerSecond()).isEqualTo(TierQuotas.NO_RATE_LIMIT);
        assertThat(Tier.FREE.defaults().cpuMicrosPerDay()).isEqualTo(600_000_000L);
    }

    @Test
    void quotasRefuseNegativeNumbersAndAZeroRate() {
        assertThatThrownBy(() -> new TierQuotas(-1, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierQuotas(null, null, Duration.ofSeconds(-1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TierQuotas(null, null, null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
