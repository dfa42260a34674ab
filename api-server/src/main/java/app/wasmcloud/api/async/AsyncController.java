package app.wasmcloud.api.async;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The status of one background invocation. */
@RestController
@Tag(name = "Background invocations")
class AsyncController {

    private final AsyncRequests requests;
    private final AsyncViews views;

    AsyncController(AsyncRequests requests, AsyncViews views) {
        this.requests = requests;
        this.views = views;
    }

    @Operation(summary = "A background invocation's status", description = """
                    Needs `read`. `state` is `queued` (waiting for its first or its next attempt, due at
                    `nextAttemptAt`), `running`, `succeeded` (the function answered with a status below 500 other
                    than 429; `response` holds its status, headers and base64 body) or `dead_lettered` (every
                    attempt failed; see the dead letters). `attempts` counts attempts started; `lostAttempts` those
                    whose worker stopped before they finished, which are tried again without using up
                    `maxAttempts`. `invocations` lists every attempt's invocation record; `lastError` says why the
                    last one failed. `callbackResult` says what became of the callback.""")
    @GetMapping("/api/async-invocations/{id}")
    AsyncViews.AsyncView show(CurrentUser caller, @PathVariable UUID id) {
        caller.require(Scope.READ);
        return requests.find(id)
                .filter(request -> request.ownerId() == caller.id() || caller.isAdmin())
                .map(views::of)
                .orElseThrow(
                        () -> ApiException.notFound("No background invocation " + id + " of one of your functions."));
    }
}
