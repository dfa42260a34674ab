package app.wasmcloud.api.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Schedules: how many, how often, and how late a slot may still fire.
 *
 * @param maxPerFunction how many schedules one function may have
 * @param minInterval the shortest time allowed between two slots of one schedule; cron's minute field makes one
 *     minute the floor anyway
 * @param pollInterval how often an api-server looks for due schedules
 * @param lateness how long after its slot a schedule may still fire; a slot found later than that (everything was
 *     down, say) is skipped and counted, never replayed
 * @param maxHeaders how many headers one schedule may send
 */
@ConfigurationProperties("wasmcloud.schedules")
public record ScheduleProperties(
        @DefaultValue("20") int maxPerFunction,
        @DefaultValue("1m") Duration minInterval,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration lateness,
        @DefaultValue("32") int maxHeaders) {

    public ScheduleProperties {
        if (maxPerFunction < 0 || maxHeaders < 0) {
            throw new IllegalArgumentException(
                    "wasmcloud.schedules.max-per-function and max-headers must be at least 0");
        }
        if (minInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("wasmcloud.schedules.min-interval must be at least 1m: a cron"
                    + " expression has minutes as its finest field");
        }
        if (!pollInterval.isPositive() || lateness.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("wasmcloud.schedules.poll-interval must be positive and lateness at"
                    + " least as long, or slots are skipped while the servers are up");
        }
    }
}
