package app.wasmcloud.api.env;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/functions/{name}/env}: configuration variables; secret ones can be set and removed, never read. */
@RestController
@Tag(name = "Environment variables")
class EnvController {

    private final EnvService env;

    EnvController(EnvService env) {
        this.env = env;
    }

    /** {@code secret} absent: a new variable is plain, an existing one keeps its kind (a secret stays secret). */
    record SetVariable(String value, Boolean secret) {

        /** Never prints the value, which may be a secret. */
        @Override
        public String toString() {
            return "SetVariable[secret=" + secret + "]";
        }
    }

    /** {@code value} is null for a secret: it is write-only. */
    record VariableView(String key, String value, boolean secret, Instant updatedAt) {}

    @Operation(summary = "List a function's variables", description = """
                    Sorted by key. Needs `read`. `value` is `null` for a secret: a secret can be set and removed but
                    never read back.""")
    @GetMapping("/api/functions/{name}/env")
    List<VariableView> list(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return env.list(caller, name).stream().map(EnvController::view).toList();
    }

    @Operation(summary = "Set a variable", description = """
                    Creates or replaces one variable. Needs `deploy`. Answers 200 with the variable.

                    Leaving `secret` out makes a new variable plain and keeps an existing variable's kind: changing
                    a secret's value without repeating `"secret": true` keeps it secret. Only an explicit `"secret":
                    false` turns a secret into a plain (readable) variable. The rules:

                    - `key`: at most 128 characters of `A-Z`, `0-9` and `_`, not starting with a digit, and not a
                      CGI name: not a meta-variable such as `PATH_INFO` or `GATEWAY_INTERFACE`, and not starting
                      with `HTTP_`, `WASMCLOUD_`, `SERVER_`, `REQUEST_`, `CONTENT_` or `REMOTE_`.
                    - `value`: required, at most 4096 bytes of UTF-8, no NUL character.
                    - At most 64 variables per function; one more gives 409.""")
    @PutMapping("/api/functions/{name}/env/{key}")
    VariableView put(
            CurrentUser caller, @PathVariable String name, @PathVariable String key, @RequestBody SetVariable request) {
        caller.require(Scope.DEPLOY);
        return view(env.put(caller, name, key, request.value(), request.secret()));
    }

    @Operation(summary = "Remove a variable", description = """
                    Needs `deploy`. Answers 204, or 404 when there is no such variable.""")
    @DeleteMapping("/api/functions/{name}/env/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser caller, @PathVariable String name, @PathVariable String key) {
        caller.require(Scope.DEPLOY);
        env.delete(caller, name, key);
    }

    private static VariableView view(EnvVariable variable) {
        return new VariableView(
                variable.key(), variable.secret() ? null : variable.value(), variable.secret(), variable.updatedAt());
    }
}
