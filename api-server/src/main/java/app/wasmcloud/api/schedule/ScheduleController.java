package app.wasmcloud.api.schedule;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.api.ScheduleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A function's schedules: create, list, show, change, pause, resume and delete. */
@RestController
@Tag(name = "Schedules")
class ScheduleController {

    private static final int NEXT_SHOWN = 5;

    private final FunctionService functions;
    private final Schedules schedules;
    private final ScheduleRequests definitions;
    private final ScheduleProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ScheduleController(
            FunctionService functions,
            Schedules schedules,
            ScheduleRequests definitions,
            ScheduleProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.functions = functions;
        this.schedules = schedules;
        this.definitions = definitions;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * A new schedule, or the fields of one to change (a missing field stays as it is).
     *
     * @param cron five fields: minute, hour, day of month, month, day of week
     * @param timeZone an IANA zone name; default UTC
     * @param method default POST when there is a body, else GET
     * @param path the path and query the function sees; default /
     * @param headers request headers the function sees
     * @param body the request body, as text
     */
    record ScheduleRequest(
            String cron, String timeZone, String method, String path, Map<String, String> headers, String body) {}

    @Operation(summary = "Create a schedule", description = """
                    Needs `deploy`. Answers 201 with the schedule. At every slot of `cron` (five fields: minute,
                    hour, day of month, month, day of week; `*/5 * * * *` is every five minutes) read in `timeZone`
                    (an IANA name, default `UTC`), the function is invoked in the background with `method`, `path`,
                    `headers` and `body`, retried like any background invocation, and a request whose attempts
                    all fail goes to the dead letters. A slot fires at most once, however many api-servers run; a
                    slot missed while the platform was down is skipped and counted in `skippedSlots`.

                    Refused with 400: a cron expression that is not five valid fields, a time zone that does not
                    exist, slots closer than the minimum interval (1 minute), a body over 1 MiB, a bad method, path
                    or header; with 409: more schedules than a function may have (20 by default).""")
    @PostMapping("/api/functions/{name}/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleView create(CurrentUser caller, @PathVariable String name, @RequestBody ScheduleRequest request) {
        caller.require(Scope.DEPLOY);
        FunctionEntity function = functions.get(caller, name);
        Instant now = clock.instant();
        Schedules.Definition definition = definitions.definition(request, now);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            schedules.lockFunction(function.id());
            if (schedules.countOf(function.id()) >= properties.maxPerFunction()) {
                throw ApiException.conflict("The function '" + name + "' has " + properties.maxPerFunction()
                        + " schedules, the most allowed; delete one first.");
            }
            schedules.insert(
                    id,
                    function.id(),
                    definition,
                    definition.timing().nextAfter(now).orElse(null));
        });
        return view(find(function, id));
    }

    @Operation(summary = "List a function's schedules", description = "Needs `read`. Oldest first.")
    @GetMapping("/api/functions/{name}/schedules")
    List<ScheduleView> list(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return schedules.ofFunction(functions.get(caller, name).id()).stream()
                .map(this::view)
                .toList();
    }

    @Operation(summary = "Show a schedule", description = "Needs `read`. With its next five fire times.")
    @GetMapping("/api/functions/{name}/schedules/{id}")
    ScheduleView show(CurrentUser caller, @PathVariable String name, @PathVariable UUID id) {
        caller.require(Scope.READ);
        return view(find(functions.get(caller, name), id));
    }

    @Operation(summary = "Change a schedule", description = """
                    Needs `deploy`. Only the fields given change; the checks are those of a new schedule. A new
                    `cron` or `timeZone` takes effect from the next slot after now.""")
    @PatchMapping("/api/functions/{name}/schedules/{id}")
    ScheduleView update(
            CurrentUser caller, @PathVariable String name, @PathVariable UUID id, @RequestBody ScheduleRequest change) {
        caller.require(Scope.DEPLOY);
        FunctionEntity function = functions.get(caller, name);
        Schedule current = find(function, id);
        Instant now = clock.instant();
        Schedules.Definition definition = definitions.merged(current, change, now);
        schedules.update(id, definition, definition.timing().nextAfter(now).orElse(null));
        return view(find(function, id));
    }

    @Operation(summary = "Pause a schedule", description = "Needs `deploy`. It fires no more until it is resumed.")
    @PostMapping("/api/functions/{name}/schedules/{id}/pause")
    ScheduleView pause(CurrentUser caller, @PathVariable String name, @PathVariable UUID id) {
        caller.require(Scope.DEPLOY);
        FunctionEntity function = functions.get(caller, name);
        find(function, id);
        schedules.pause(id, true, null);
        return view(find(function, id));
    }

    @Operation(summary = "Resume a schedule", description = """
                    Needs `deploy`. It fires again from the next slot after now; the slots while it was paused are
                    not fired, and not counted as skipped.""")
    @PostMapping("/api/functions/{name}/schedules/{id}/resume")
    ScheduleView resume(CurrentUser caller, @PathVariable String name, @PathVariable UUID id) {
        caller.require(Scope.DEPLOY);
        FunctionEntity function = functions.get(caller, name);
        Schedule schedule = find(function, id);
        Instant now = clock.instant();
        CronSchedule timing = CronSchedule.parse(schedule.cron(), schedule.timeZone(), properties.minInterval(), now);
        schedules.pause(id, false, timing.nextAfter(now).orElse(null));
        return view(find(function, id));
    }

    @Operation(summary = "Delete a schedule", description = """
                    Needs `deploy`. Requests it already made run on; their dead letters stay.""")
    @DeleteMapping("/api/functions/{name}/schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser caller, @PathVariable String name, @PathVariable UUID id) {
        caller.require(Scope.DEPLOY);
        find(functions.get(caller, name), id);
        schedules.delete(id);
    }

    private Schedule find(FunctionEntity function, UUID id) {
        return schedules
                .find(id)
                .filter(schedule -> schedule.functionId() == function.id())
                .orElseThrow(() ->
                        ApiException.notFound("No schedule " + id + " of the function '" + function.name() + "'."));
    }

    private ScheduleView view(Schedule schedule) {
        List<Instant> next = schedule.paused() || schedule.nextSlot() == null
                ? List.of()
                : definitions
                        .timing(schedule)
                        .map(timing -> {
                            List<Instant> slots = new java.util.ArrayList<>();
                            slots.add(schedule.nextSlot());
                            slots.addAll(timing.next(schedule.nextSlot(), NEXT_SHOWN - 1));
                            return List.copyOf(slots);
                        })
                        .orElse(List.of());
        return new ScheduleView(
                schedule.id(),
                schedule.function(),
                schedule.cron(),
                schedule.timeZone(),
                schedule.method(),
                schedule.path(),
                schedule.headers(),
                new String(schedule.body(), java.nio.charset.StandardCharsets.UTF_8),
                schedule.paused(),
                next,
                schedule.lastSlot(),
                schedule.lastFiredAt(),
                schedule.firedSlots(),
                schedule.skippedSlots(),
                schedule.createdAt(),
                schedule.updatedAt());
    }
}
