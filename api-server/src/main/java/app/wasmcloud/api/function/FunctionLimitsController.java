package app.wasmcloud.api.function;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.token.Scope;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/limits}: the operator's ceilings, so a settings form can say what it will accept before it is sent. */
@RestController
class FunctionLimitsController {

    private final FunctionProperties properties;

    FunctionLimitsController(FunctionProperties properties) {
        this.properties = properties;
    }

    record FunctionLimits(int maxTimeoutMs, int maxMemoryPages, int defaultMemoryPages, int maxEgressHosts) {}

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
