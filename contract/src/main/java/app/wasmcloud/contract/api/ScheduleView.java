package app.wasmcloud.contract.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A schedule as the API shows it: the request it makes, and how its slots have fired.
 *
 * @param id the schedule's id
 * @param function the function it invokes
 * @param cron its five-field cron expression
 * @param timeZone the zone the expression is read in
 * @param method the HTTP method of each invocation
 * @param path the path of each invocation
 * @param headers the headers of each invocation
 * @param body the body of each invocation
 * @param paused whether it is paused
 * @param nextFireTimes the next five slots; empty while paused
 * @param lastSlot the last slot that fired, or null
 * @param lastFiredAt when that slot fired, or null
 * @param firedSlots slots that fired
 * @param skippedSlots slots that did not fire: found too late (everything was down) or with the queue full
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record ScheduleView(
        UUID id,
        String function,
        String cron,
        String timeZone,
        String method,
        String path,
        Map<String, List<String>> headers,
        String body,
        boolean paused,
        List<Instant> nextFireTimes,
        Instant lastSlot,
        Instant lastFiredAt,
        long firedSlots,
        long skippedSlots,
        Instant createdAt,
        Instant updatedAt) {}
