package app.wasmcloud.contract;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an account may deploy and how much it may run ({@code users.tier}). The api-server enforces the deploy rule and
 * the functions quota, the executors the run quotas; both take the defaults from here, so they cannot disagree.
 */
public enum Tier {
    /** Only the precompiled examples the docs publish, under small quotas: what a stranger may do at once. */
    EXAMPLES(new TierQuotas(3, 1_000L, Duration.ofMinutes(1), 5)),
    /** Any module, under the free quotas: granted on application. */
    FREE(new TierQuotas(10, 10_000L, Duration.ofMinutes(10), 10)),
    /**
     * Any module, under the operator's full quotas. Only the functions quota has a default, so an installation that
     * sets none runs as before tiers existed.
     */
    FULL(new TierQuotas(100, TierQuotas.NO_LIMIT, TierQuotas.NO_CPU_LIMIT, TierQuotas.NO_RATE_LIMIT));

    private final String label = name().toLowerCase(Locale.ROOT);
    private final TierQuotas defaults;

    Tier(TierQuotas defaults) {
        this.defaults = defaults;
    }

    /** The value stored in {@code users.tier} and spelled by the API and the CLI. */
    public String label() {
        return label;
    }

    /** The quotas of this tier when the operator sets none ({@code wasmcloud.tiers.<tier>.*}). */
    public TierQuotas defaults() {
        return defaults;
    }

    public static Optional<Tier> parse(String label) {
        return Arrays.stream(values())
                .filter(tier -> tier.label.equalsIgnoreCase(label == null ? "" : label.trim()))
                .findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Tier::label).toList();
    }
}
