package app.wasmcloud.api.async;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** How many attempts a function's background requests get. */
@RestController
@Tag(name = "Background invocations")
class RetryPolicyController {

    private final FunctionService functions;
    private final AsyncInvocations invocations;
    private final AsyncProperties properties;
    private final JdbcClient jdbc;

    RetryPolicyController(
            FunctionService functions, AsyncInvocations invocations, AsyncProperties properties, JdbcClient jdbc) {
        this.functions = functions;
        this.invocations = invocations;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** @param maxAttempts attempts per request, the first included; null returns to the platform default */
    record RetryPolicy(@Schema(types = {"integer", "null"}) Integer maxAttempts) {}

    /** @param effectiveMaxAttempts what requests made now get, the default included */
    record RetryPolicyView(Integer maxAttempts, int effectiveMaxAttempts, int maxAttemptsLimit) {}

    @Operation(summary = "A function's retry policy", description = """
                    Needs `read`. `maxAttempts` is `null` while the platform default (3) applies.""")
    @GetMapping("/api/functions/{name}/retry-policy")
    RetryPolicyView show(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return view(functions.get(caller, name));
    }

    @Operation(summary = "Change a function's retry policy", description = """
                    Needs `deploy`. `maxAttempts` from 1 to the operator's limit (10 by default), or `null` for the
                    platform default. It applies to requests accepted from now on, and to dead letters retried.""")
    @PutMapping("/api/functions/{name}/retry-policy")
    RetryPolicyView change(CurrentUser caller, @PathVariable String name, @RequestBody RetryPolicy policy) {
        caller.require(Scope.DEPLOY);
        FunctionEntity function = functions.get(caller, name);
        Integer attempts = policy.maxAttempts();
        if (attempts != null && (attempts < 1 || attempts > properties.maxAttemptsLimit())) {
            throw ApiException.badRequest("Invalid maxAttempts " + attempts + ": use 1 to "
                    + properties.maxAttemptsLimit() + ", or null for the default of "
                    + properties.defaultMaxAttempts() + ".");
        }
        jdbc.sql("UPDATE functions SET async_max_attempts = :attempts WHERE id = :id")
                .param("attempts", attempts)
                .param("id", function.id())
                .update();
        return view(function);
    }

    private RetryPolicyView view(FunctionEntity function) {
        Integer own = invocations.ownMaxAttemptsOf(function.id()).orElse(null);
        return new RetryPolicyView(own, invocations.maxAttemptsOf(function.id()), properties.maxAttemptsLimit());
    }
}
