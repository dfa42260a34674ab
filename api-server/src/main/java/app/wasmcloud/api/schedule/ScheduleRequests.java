package app.wasmcloud.api.schedule;

import app.wasmcloud.api.async.AsyncProperties;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.InvokeTarget;
import app.wasmcloud.contract.WasmcloudHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Parses a schedule's definition at the edge: its timing, target, headers and body, with the limits on each. */
@Component
class ScheduleRequests {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}");

    /** The same headers an API invoke keeps from the function, and the framing the executor sets itself. */
    private static final Set<String> HEADERS_REFUSED = Set.of(
            "cookie",
            "authorization",
            "proxy-authorization",
            "host",
            "content-length",
            "connection",
            "transfer-encoding",
            "expect",
            "upgrade");

    private final ScheduleProperties properties;
    private final AsyncProperties async;

    ScheduleRequests(ScheduleProperties properties, AsyncProperties async) {
        this.properties = properties;
        this.async = async;
    }

    Schedules.Definition definition(ScheduleController.ScheduleRequest request, Instant now) {
        return parse(
                request.cron(),
                request.timeZone(),
                request.method(),
                request.path(),
                request.headers(),
                request.body(),
                now);
    }

    /** The schedule with the change's fields in place of its own. */
    Schedules.Definition merged(Schedule current, ScheduleController.ScheduleRequest change, Instant now) {
        Map<String, String> headers = change.headers();
        if (headers == null) {
            headers = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> header : current.headers().entrySet()) {
                headers.put(header.getKey(), String.join(", ", header.getValue()));
            }
        }
        return parse(
                change.cron() == null ? current.cron() : change.cron(),
                change.timeZone() == null ? current.timeZone() : change.timeZone(),
                change.method() == null ? current.method() : change.method(),
                change.path() == null ? current.path() : change.path(),
                headers,
                change.body() == null ? new String(current.body(), StandardCharsets.UTF_8) : change.body(),
                now);
    }

    /** The stored schedule's timing, unless it can no longer be read. */
    Optional<CronSchedule> timing(Schedule schedule) {
        try {
            return Optional.of(
                    CronSchedule.parse(schedule.cron(), schedule.timeZone(), Duration.ofMinutes(1), Instant.EPOCH));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Schedules.Definition parse(
            String cron,
            String timeZone,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            Instant now) {
        try {
            CronSchedule timing = CronSchedule.parse(cron, timeZone, properties.minInterval(), now);
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > async.maxBody().toBytes()) {
                throw new IllegalArgumentException("The body is " + bytes.length + " bytes; a schedule's body may be"
                        + " up to " + async.maxBody().toBytes() + " bytes (wasmcloud.async.max-body).");
            }
            InvokeTarget target = InvokeTarget.parse(method, path, bytes.length > 0);
            return new Schedules.Definition(timing, target.method(), target.pathAndQuery(), checked(headers), bytes);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private Map<String, List<String>> checked(Map<String, String> headers) {
        if (headers == null) {
            return Map.of();
        }
        if (headers.size() > properties.maxHeaders()) {
            throw new IllegalArgumentException(
                    "A schedule may send up to " + properties.maxHeaders() + " headers, not " + headers.size() + ".");
        }
        Map<String, List<String>> checked = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Invalid header name '" + name + "'.");
            }
            if (WasmcloudHeaders.isPlatformHeader(name) || HEADERS_REFUSED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("The header '" + name + "' cannot be set by a schedule.");
            }
            if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new IllegalArgumentException("The header '" + name + "' needs a value on one line.");
            }
            checked.put(name, List.of(value));
        });
        return checked;
    }
}
