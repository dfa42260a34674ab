package app.wasmcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvocationOutcomeTest {

    @Test
    void labelsAreTheStoredSpelling() {
        assertThat(InvocationOutcome.labels())
                .containsExactly(
                        "ok",
                        "nonzero_exit",
                        "trap",
                        "timeout",
                        "memory_limit",
                        "output_limit",
                        "invalid_response",
                        "throttled",
                        "overloaded",
                        "unavailable",
                        "quota_exceeded");
        assertThat(InvocationOutcome.parse("OVERLOADED")).contains(InvocationOutcome.OVERLOADED);
        assertThat(InvocationOutcome.parse("nope")).isEmpty();
        assertThat(InvocationOutcome.parse(null)).isEmpty();
    }

    @Test
    void failuresCarryCgiMdsStatuses() {
        assertThat(InvocationOutcome.TIMEOUT.status()).isEqualTo(504);
        assertThat(InvocationOutcome.TRAP.status()).isEqualTo(502);
        assertThat(InvocationOutcome.INVALID_RESPONSE.status()).isEqualTo(502);
        assertThat(InvocationOutcome.THROTTLED.status()).isEqualTo(429);
        assertThat(InvocationOutcome.OVERLOADED.status()).isEqualTo(503);
        assertThat(InvocationOutcome.OVERLOADED.retryLater()).isTrue();
        assertThat(InvocationOutcome.TRAP.retryLater()).isFalse();
        assertThatThrownBy(InvocationOutcome.OK::status).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void quotaRefusalsAre429sWithRetryAfterAndAreNotBilledLikeEveryOtherRefusal() {
        assertThat(InvocationOutcome.QUOTA_EXCEEDED.status()).isEqualTo(429);
        assertThat(InvocationOutcome.QUOTA_EXCEEDED.retryLater()).isTrue();
        assertThat(InvocationOutcome.unbilledLabels())
                .containsExactly("throttled", "overloaded", "unavailable", "quota_exceeded");
        assertThat(InvocationOutcome.TRAP.billed()).isTrue();
    }
}
