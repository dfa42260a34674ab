package app.wasmcloud.executor.quota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aQuietFunctionMayTakeOneSecondsShareAtOnceAndThenItsRate() {
        TokenBucket bucket = new TokenBucket();

        int burst = 0;
        while (bucket.tryTake(5, 0)) {
            burst++;
        }
        int nextSecond = 0;
        for (long at = SECOND / 10; at <= SECOND; at += SECOND / 10) {
            if (bucket.tryTake(5, at)) {
                nextSecond++;
            }
        }

        assertThat(burst).isEqualTo(5);
        assertThat(nextSecond).isEqualTo(5);
    }

    @Test
    void aLongPauseRefillsNoMoreThanOneSecondsShare() {
        TokenBucket bucket = new TokenBucket();
        bucket.tryTake(3, 0);

        int taken = 0;
        while (bucket.tryTake(3, 60 * SECOND)) {
            taken++;
        }

        assertThat(taken).isEqualTo(3);
        assertThat(bucket.isIdle(60 * SECOND + SECOND / 2)).isFalse();
        assertThat(bucket.isIdle(62 * SECOND)).isTrue();
    }

    @Test
    void aSmallerShareTakesEffectAtOnceWhenAnotherExecutorJoins() {
        TokenBucket bucket = new TokenBucket();
        bucket.tryTake(10, 0);

        int taken = 0;
        while (bucket.tryTake(2, 1)) {
            taken++;
        }

        assertThat(taken).as("the bucket is capped at the new, smaller share").isEqualTo(2);
    }
}
