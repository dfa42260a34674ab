package app.wasmcloud.api.metrics;

import app.wasmcloud.api.web.ApiException;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The windows the panel's charts offer, each with a bucket size that keeps it to a few hundred points at most. */
enum MetricsRange {
    HOUR("1h", Duration.ofHours(1), Duration.ofMinutes(1)),
    DAY("24h", Duration.ofDays(1), Duration.ofMinutes(5)),
    WEEK("7d", Duration.ofDays(7), Duration.ofHours(1));

    final String wireName;
    final Duration span;
    final Duration bucket;

    MetricsRange(String wireName, Duration span, Duration bucket) {
        this.wireName = wireName;
        this.span = span;
        this.bucket = bucket;
    }

    static MetricsRange parse(String text) {
        if (text == null || text.isBlank()) {
            return HOUR;
        }
        return Arrays.stream(values())
                .filter(range -> range.wireName.equals(text))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("Unknown range '" + text + "': use "
                        + Arrays.stream(values()).map(range -> range.wireName).collect(Collectors.joining(", "))
                        + "."));
    }
}
