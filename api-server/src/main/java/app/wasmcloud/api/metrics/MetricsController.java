package app.wasmcloud.api.metrics;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.metrics.InvocationMetrics.Activity;
import app.wasmcloud.api.metrics.InvocationMetrics.Bucket;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the panel charts: a function's invocations over time, and the functions list's last-day columns. */
@RestController
@Tag(name = "Metrics")
class MetricsController {

    private static final Duration ACTIVITY_WINDOW = Duration.ofDays(1);

    private final FunctionService functions;
    private final InvocationMetrics metrics;
    private final Clock clock;

    MetricsController(FunctionService functions, InvocationMetrics metrics, Clock clock) {
        this.functions = functions;
        this.metrics = metrics;
        this.clock = clock;
    }

    record FunctionMetrics(String range, long bucketSeconds, Instant from, Instant to, List<Bucket> points) {}

    @Operation(summary = "A function's invocations over time", description = """
                    What the panel charts. Needs `read`. One point per bucket over the range: counts of invocations
                    that ended `ok`, failed or were refused, and the 50th, 95th and 99th percentile wall times in
                    milliseconds (`null` in a bucket with no invocations).""")
    @GetMapping("/api/functions/{name}/metrics")
    FunctionMetrics function(
            CurrentUser caller,
            @PathVariable String name,
            @Parameter(description = "1h (the default, 1-minute buckets), 24h (5-minute buckets) or 7d (hourly).")
                    @RequestParam(required = false)
                    String range) {
        caller.require(Scope.READ);
        MetricsRange chosen = MetricsRange.parse(range);
        FunctionEntity function = functions.get(caller, name);
        List<Bucket> points = metrics.buckets(function.id(), clock.instant(), chosen.bucket, chosen.span);
        Instant from = points.getFirst().at();
        Instant to = points.getLast().at().plus(chosen.bucket);
        return new FunctionMetrics(chosen.wireName, chosen.bucket.toSeconds(), from, to, points);
    }

    @Operation(summary = "Each of your functions' last day", description = """
                    Needs `read`. Per function: invocations in the last 24 hours, the share that failed, the 95th
                    percentile wall time in milliseconds, and when it was last invoked.""")
    @GetMapping("/api/metrics/functions")
    List<Activity> activity(CurrentUser caller) {
        caller.require(Scope.READ);
        return metrics.activity(caller.id(), clock.instant().minus(ACTIVITY_WINDOW));
    }
}
