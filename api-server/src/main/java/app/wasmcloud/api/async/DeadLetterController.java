package app.wasmcloud.api.async;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A function's dead letters: background requests whose every attempt failed, kept until retried or discarded. */
@RestController
@Tag(name = "Dead letters")
class DeadLetterController {

    private static final int MAX_LIST = 500;

    private final FunctionService functions;
    private final AsyncRequests requests;
    private final AsyncViews views;
    private final AsyncInvocations invocations;
    private final Clock clock;

    DeadLetterController(
            FunctionService functions,
            AsyncRequests requests,
            AsyncViews views,
            AsyncInvocations invocations,
            Clock clock) {
        this.functions = functions;
        this.requests = requests;
        this.views = views;
        this.invocations = invocations;
        this.clock = clock;
    }

    /** One dead letter in a list: what it ran and why it failed. */
    record DeadLetter(
            UUID id,
            String source,
            UUID scheduleId,
            String method,
            String path,
            int attempts,
            Integer lastStatus,
            String lastError,
            UUID lastInvocationId,
            Instant createdAt,
            Instant finishedAt) {}

    @Operation(summary = "List a function's dead letters", description = """
                    Newest first. Needs `read`. A background invocation or a schedule's request ends here when its
                    last attempt fails; it stays until it is retried or discarded.""")
    @GetMapping("/api/functions/{name}/dead-letters")
    List<DeadLetter> list(
            CurrentUser caller,
            @PathVariable String name,
            @Parameter(description = "How many, 1 to 500. Default: 50.") @RequestParam(defaultValue = "50") int limit) {
        caller.require(Scope.READ);
        if (limit < 1 || limit > MAX_LIST) {
            throw ApiException.badRequest("Invalid limit " + limit + ": use 1 to " + MAX_LIST + ".");
        }
        FunctionEntity function = functions.get(caller, name);
        return requests.deadLetters(function.id(), limit).stream()
                .map(r -> new DeadLetter(
                        r.id(),
                        r.source().label(),
                        r.scheduleId(),
                        r.method(),
                        r.path(),
                        r.attempts(),
                        r.lastStatus(),
                        r.lastError(),
                        r.lastInvocationId(),
                        r.createdAt(),
                        r.finishedAt()))
                .toList();
    }

    @Operation(summary = "Show one dead letter", description = """
                    Needs `read`. The request in full, as `GET /api/async-invocations/{id}` shows it, with every
                    attempt's invocation record.""")
    @GetMapping("/api/functions/{name}/dead-letters/{id}")
    AsyncViews.AsyncView show(CurrentUser caller, @PathVariable String name, @PathVariable UUID id) {
        caller.require(Scope.READ);
        return views.of(deadLetter(caller, name, id));
    }

    @Operation(summary = "Retry a dead letter", description = """
                    Needs `invoke`. Sends it back to the queue, due now, with the function's number of attempts once
                    more; the attempts go on counting from where they stopped. Answers 202 with its status, like a
                    background invoke; past the queue limit, 429 with `Retry-After`.""")
    @PostMapping("/api/functions/{name}/dead-letters/{id}/retry")
    ResponseEntity<AsyncViews.AsyncView> retry(CurrentUser caller, @PathVariable String name, @PathVariable UUID id) {
        caller.require(Scope.INVOKE);
        AsyncRequest letter = deadLetter(caller, name, id);
        if (!invocations.requeue(letter, clock.instant())) {
            throw notFound(id);
        }
        AsyncViews.AsyncView view = views.of(requests.find(id).orElseThrow(() -> notFound(id)));
        return ResponseEntity.accepted().location(URI.create(view.statusUrl())).body(view);
    }

    @Operation(summary = "Discard a dead letter", description = """
                    Needs `invoke`. Deletes it for good; its attempts' invocation records stay until they age out.""")
    @DeleteMapping("/api/functions/{name}/dead-letters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(CurrentUser caller, @PathVariable String name, @PathVariable UUID id) {
        caller.require(Scope.INVOKE);
        deadLetter(caller, name, id);
        if (!requests.discard(id)) {
            throw notFound(id);
        }
    }

    private AsyncRequest deadLetter(CurrentUser caller, String name, UUID id) {
        FunctionEntity function = functions.get(caller, name);
        return requests.find(id)
                .filter(r -> r.functionId() == function.id() && r.state() == RequestState.DEAD_LETTERED)
                .orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("No dead letter " + id + " of this function.");
    }
}
