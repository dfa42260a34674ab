package app.wasmcloud.api.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One row of {@code schedules}.
 *
 * @param nextSlot the next slot to fire; null while paused or when the expression never fires again
 * @param lastSlot the last slot that fired
 * @param skippedSlots slots not fired: found too late (everything was down) or with the function's queue full
 */
record Schedule(
        UUID id,
        long functionId,
        String function,
        String cron,
        String timeZone,
        String method,
        String path,
        Map<String, List<String>> headers,
        byte[] body,
        boolean paused,
        Instant nextSlot,
        Instant lastSlot,
        Instant lastFiredAt,
        long firedSlots,
        long skippedSlots,
        Instant createdAt,
        Instant updatedAt) {}
