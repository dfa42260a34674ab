package app.wasmcloud.api.function;

import app.wasmcloud.api.function.FunctionUpdate.LimitChange;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.FunctionName;
import app.wasmcloud.contract.RecordMode;
import app.wasmcloud.contract.api.FunctionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
@Tag(name = "Functions")
class FunctionController {

    private final FunctionService functions;
    private final ActiveVersions versions;
    private final FunctionProperties properties;

    FunctionController(FunctionService functions, ActiveVersions versions, FunctionProperties properties) {
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

            List<String> egressAllowList,

            @Schema(
                    allowableValues = {"off", "on", "errors"},
                    description = "record invocations for replay")
            String record) {}

    @Operation(summary = "Create a function", description = """
                    Needs `deploy`. Answers 201 with the function.

                    `name` is required: 2 to 63 lowercase letters, digits and hyphens, starting and ending with a
                    letter or digit (a DNS label). These names are reserved: `api`, `www`, `run`, `panel`, `docs`,
                    `admin`, `internal`, `actuator`, `login`, `logout`, `oauth2`, `static`, `assets`, `health`,
                    `metrics`, `status`, `wasmcloud`. Names are unique across all users. `description` is optional
                    (up to 1000 characters); `visibility` is `public` (the default: anyone may call its URL) or
                    `private` (only its owner, through `invoke`).

                    A name that is taken gives 409. So does the name of a deleted function, which stays reserved for
                    30 days after the deletion. Owning the most functions allowed (100 by default) gives 403.""")
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

    @Operation(summary = "List your functions", description = """
                    Your functions, sorted by name. Needs `read`. `activeVersion` is `null` until the first deploy;
                    `url` is where the function answers when it is public; `timeoutMs` and `memoryPages` are `null`
                    while the platform defaults apply.""")
    @GetMapping("/api/functions")
    List<FunctionView> list(CurrentUser caller) {
        caller.require(Scope.READ);
        List<FunctionEntity> owned = functions.listOwnedBy(caller);
        Map<Long, Integer> activeNumbers = versions.numbersOf(owned);
        return owned.stream()
                .map(function -> view(function, activeNumbers.get(function.id())))
                .toList();
    }

    @Operation(summary = "Show one function", description = """
                    Needs `read`. Someone else's function answers 404, exactly like one that does not exist.""")
    @GetMapping("/api/functions/{name}")
    FunctionView show(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return view(functions.get(caller, name));
    }

    @Operation(summary = "Change a function's settings", description = """
                    Needs `deploy`. Every field is optional, and a field left out stays as it is. Answers with the
                    function.

                    | field | accepted |
                    |---|---|
                    | `description` | Up to 1000 characters. |
                    | `visibility` | `public` or `private`. |
                    | `timeoutMs` | 1 to the server's maximum (60000 by default). |
                    | `memoryPages` | 1 to the server's maximum (4096 pages, 256 MiB, by default). |
                    | `egressAllowList` | Host names such as `api.example.com`: no scheme, port, path or wildcard, at most 32. The list replaces the old one; `[]` empties it. Names are lower-cased, de-duplicated and sorted. |
                    | `record` | `off` (the default), `on` (record every invocation for replay) or `errors` (keep a recording only when the invocation failed). Recordings hold request bodies and headers; only the owner and admins can read them. |

                    `"timeoutMs": null` or `"memoryPages": null` returns that limit to the platform default; leaving
                    the field out keeps it. A limit that is not a whole number gives 400. Lowering `memoryPages`
                    does not re-check the active version: a module whose initial memory is over the new limit fails
                    on every call until the limit is raised again. A change to the allow-list reaches the executors
                    within a second, like every other setting.""")
    @PatchMapping("/api/functions/{name}")
    FunctionView update(CurrentUser caller, @PathVariable String name, @RequestBody UpdateFunction request) {
        caller.require(Scope.DEPLOY);
        FunctionUpdate update = new FunctionUpdate(
                request.description(),
                request.visibility() == null ? null : Visibility.parse(request.visibility()),
                limitChange("timeoutMs", request.timeoutMs()),
                limitChange("memoryPages", request.memoryPages()),
                request.egressAllowList(),
                request.record() == null ? null : recordMode(request.record()));
        return view(functions.update(caller, name, update));
    }

    @Operation(summary = "Delete a function", description = """
                    Needs `deploy`. Answers 204. The function stops answering at once. Its name stays reserved for
                    30 days; then the function is removed for good, with its versions, variables and invocation
                    records.""")
    @DeleteMapping("/api/functions/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.DEPLOY);
        functions.delete(caller, name);
    }

    private static RecordMode recordMode(String text) {
        return RecordMode.parse(text)
                .orElseThrow(() -> ApiException.badRequest(
                        "Invalid record mode '" + text + "': use " + String.join(", ", RecordMode.labels()) + "."));
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
        return view(function, versions.numberOf(function));
    }

    private FunctionView view(FunctionEntity function, Integer activeVersion) {
        return new FunctionView(
                function.name(),
                function.description(),
                function.visibility().name().toLowerCase(Locale.ROOT),
                activeVersion,
                functions.urlOf(function),
                function.timeoutMs(),
                function.memoryPages(),
                properties.timeoutMsOf(function),
                properties.memoryPagesOf(function),
                function.egressAllowList(),
                function.record().label(),
                function.createdAt(),
                function.updatedAt());
    }
}
