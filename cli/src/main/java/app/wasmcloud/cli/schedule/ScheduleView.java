package app.wasmcloud.cli.schedule;

import java.util.List;
import java.util.Map;

/** A schedule as the API shows it; the fields the CLI prints, the rest ignored. */
record ScheduleView(
        String id,
        String function,
        String cron,
        String timeZone,
        String method,
        String path,
        Map<String, List<String>> headers,
        String body,
        boolean paused,
        List<String> nextFireTimes,
        String lastSlot,
        String lastFiredAt,
        long firedSlots,
        long skippedSlots) {}
