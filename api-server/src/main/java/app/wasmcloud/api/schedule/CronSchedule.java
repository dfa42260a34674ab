package app.wasmcloud.api.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A schedule's timing: a five-field cron expression (minute, hour, day of month, month, day of week, as crontab
 * has them) read in a time zone, so "0 9 * * MON-FRI" in Europe/Paris follows Paris through its clock changes.
 * Spring's {@link CronExpression} does the reading; it wants seconds first, which are always 0 here.
 */
record CronSchedule(String cron, ZoneId zone, CronExpression expression) {

    /** How many gaps between slots the minimum interval is checked on: an hour of minute slots. */
    private static final int GAPS_CHECKED = 60;

    /** Parses the two, or throws {@link IllegalArgumentException} that says what is wrong and what is allowed. */
    static CronSchedule parse(String cron, String timeZone, Duration minInterval, Instant now) {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("A schedule needs a cron expression, such as '*/5 * * * *'.");
        }
        String trimmed = cron.strip().replaceAll("\\s+", " ");
        if (trimmed.split(" ").length != 5) {
            throw new IllegalArgumentException("Invalid cron expression '" + cron + "': give five fields (minute hour"
                    + " day-of-month month day-of-week), such as '*/5 * * * *' or '0 9 * * MON-FRI'.");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Unknown time zone '" + timeZone
                    + "': give an IANA name such as UTC, Europe/Paris or America/New_York.");
        }
        CronExpression expression;
        try {
            expression = CronExpression.parse("0 " + trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid cron expression '" + cron + "': " + e.getMessage() + ".");
        }
        CronSchedule schedule = new CronSchedule(trimmed, zone, expression);
        List<Instant> slots = schedule.next(now, GAPS_CHECKED + 1);
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("The cron expression '" + cron + "' never fires.");
        }
        for (int i = 1; i < slots.size(); i++) {
            if (Duration.between(slots.get(i - 1), slots.get(i)).compareTo(minInterval) < 0) {
                throw new IllegalArgumentException("The cron expression '" + cron + "' fires more often than every "
                        + minInterval.toMinutes() + " minutes, the shortest interval allowed.");
            }
        }
        return schedule;
    }

    /** The first slot strictly after {@code instant}, if it ever fires again. */
    Optional<Instant> nextAfter(Instant instant) {
        ZonedDateTime next = expression.next(instant.atZone(zone));
        return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
    }

    /** Up to {@code count} slots after {@code instant}. */
    List<Instant> next(Instant instant, int count) {
        List<Instant> slots = new ArrayList<>(count);
        Optional<Instant> slot = nextAfter(instant);
        while (slot.isPresent() && slots.size() < count) {
            slots.add(slot.get());
            slot = nextAfter(slot.get());
        }
        return slots;
    }
}
