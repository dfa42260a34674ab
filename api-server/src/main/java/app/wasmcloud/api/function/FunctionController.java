package app.wasmcloud.api.function;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.function.FunctionUpdate.LimitChange;
import app.wasmcloud.api.token.Scope;
import app.wasmcloud.api.version.VersionService;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.FunctionName;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class FunctionController {

    private final FunctionService functions;
    private final VersionService versions;
    private final FunctionProperties properties;

    FunctionController(FunctionService functions, VersionService versions, FunctionProperties properties) {
        this.properties = properties;
        this.functions = functions;
        this.versions = versions;
    }

    record CreateFunction(
            String name,

            @Size(max = 1000, message = "must be at most 1000 characters")
            String description,

            String visibility) {}

    /**
     * Every field optional; an absent field leaves the setting as it is. The limits are JSON nodes so that an
     * explicit {@code null} (back to the platform default) can be told from an absent field (unchanged).
     */
    record UpdateFunction(
            String description,
            String visibility,

            @Schema(
                    types = {"integer", "null"},
                    description = "null returns to the platform default")
            JsonNode timeoutMs,

            @Schema(
                    types = {"integer", "null"},
                    description = "null returns to the platform default")
            JsonNode memoryPages,

            List<String> egressAllowList) {}

    /**
     * {@code timeoutMs} and {@code memoryPages} are null while the platform defaults apply; the {@code effective}
     * fields say what the function runs with either way.
     */
    record FunctionView(
            String name,
            String description,
            String visibility,
            Integer activeVersion,
            String url,
            Integer timeoutMs,
            Integer memoryPages,
            int effectiveTimeoutMs,
            int effectiveMemoryPages,
            List<String> egressAllowList,
            Instant createdAt,
            Instant updatedAt) {}

    @PostMapping("/api/functions")
    @ResponseStatus(HttpStatus.CREATED)
    FunctionView create(CurrentUser caller, @Valid @RequestBody CreateFunction request) {
        caller.require(Scope.DEPLOY);
        FunctionEntity created = functions.create(
                caller,
                FunctionName.parse(request.name()),
                request.description() == null ? "" : request.description(),
                Visibility.parse(request.visibility()));
        return view(created);
    }

    @GetMapping("/api/functions")
    List<FunctionView> list(CurrentUser caller) {
        caller.require(Scope.READ);
        return functions.listOwnedBy(caller).stream().map(this::view).toList();
    }

    @GetMapping("/api/functions/{name}")
    FunctionView show(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return view(functions.get(caller, name));
    }

    @PatchMapping("/api/functions/{name}")
    FunctionView update(CurrentUser caller, @PathVariable String name, @RequestBody UpdateFunction request) {
        caller.require(Scope.DEPLOY);
        FunctionUpdate update = new FunctionUpdate(
                request.description(),
                request.visibility() == null ? null : Visibility.parse(request.visibility()),
                limitChange("timeoutMs", request.timeoutMs()),
                limitChange("memoryPages", request.memoryPages()),
                request.egressAllowList());
        return view(functions.update(caller, name, update));
    }

    @DeleteMapping("/api/functions/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.DEPLOY);
        functions.delete(caller, name);
    }

    /** Absent: no change; {@code null}: the platform default; a whole number: that value. */
    private static LimitChange limitChange(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return LimitChange.DEFAULT;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ApiException.badRequest("The field '" + field + "' has the wrong type.");
        }
        return new LimitChange(node.intValue());
    }

    private FunctionView view(FunctionEntity function) {
        return new FunctionView(
                function.name(),
                function.description(),
                function.visibility().name().toLowerCase(Locale.ROOT),
                versions.activeNumber(function),
                functions.urlOf(function),
                function.timeoutMs(),
                function.memoryPages(),
                properties.timeoutMsOf(function),
                properties.memoryPagesOf(function),
                function.egressAllowList(),
                function.createdAt(),
                function.updatedAt());
    }
}
