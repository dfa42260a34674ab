package app.wasmcloud.api.function;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/limits}: the operator's ceilings, so a settings form can say what it will accept before it is sent. */
@RestController
@Tag(name = "Functions")
class FunctionLimitsController {

    private final FunctionProperties properties;

    FunctionLimitsController(FunctionProperties properties) {
        this.properties = properties;
    }

    record FunctionLimits(int maxTimeoutMs, int maxMemoryPages, int defaultMemoryPages, int maxEgressHosts) {}

    @Operation(summary = "The server's limits for function settings", description = """
                    Needs `read`. The largest `timeoutMs` and `memoryPages` a function may be given, the memory a
                    function gets while its `memoryPages` is `null`, and the longest egress allow-list, so a
                    settings form can say what it will accept before it is sent.""")
    @GetMapping("/api/limits")
    FunctionLimits limits(CurrentUser caller) {
        caller.require(Scope.READ);
        return new FunctionLimits(
                properties.maxTimeoutMs(),
                properties.maxMemoryPages(),
                properties.defaultMemoryPages(),
                properties.maxEgressHosts());
    }
}
