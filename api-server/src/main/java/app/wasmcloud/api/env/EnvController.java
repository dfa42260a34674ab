package app.wasmcloud.api.env;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.token.Scope;
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

    @GetMapping("/api/functions/{name}/env")
    List<VariableView> list(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return env.list(caller, name).stream().map(EnvController::view).toList();
    }

    @PutMapping("/api/functions/{name}/env/{key}")
    VariableView put(
            CurrentUser caller, @PathVariable String name, @PathVariable String key, @RequestBody SetVariable request) {
        caller.require(Scope.DEPLOY);
        return view(env.put(caller, name, key, request.value(), request.secret()));
    }

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
