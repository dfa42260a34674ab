package app.wasmcloud.api.function;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.token.Scope;
import app.wasmcloud.api.version.VersionService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FunctionController {

    private final FunctionService functions;
    private final VersionService versions;

    FunctionController(FunctionService functions, VersionService versions) {
        this.functions = functions;
        this.versions = versions;
    }

    record CreateFunction(
            String name,

            @Size(max = 1000, message = "must be at most 1000 characters")
            String description,

            String visibility) {}

    record FunctionView(
            String name,
            String description,
            String visibility,
            Integer activeVersion,
            String url,
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
                parseVisibility(request.visibility()));
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

    @DeleteMapping("/api/functions/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.DEPLOY);
        functions.delete(caller, name);
    }

    private FunctionView view(FunctionEntity function) {
        return new FunctionView(
                function.name(),
                function.description(),
                function.visibility().name().toLowerCase(),
                versions.activeNumber(function),
                functions.urlOf(function),
                function.createdAt(),
                function.updatedAt());
    }

    private static Visibility parseVisibility(String text) {
        if (text == null || text.isBlank()) {
            return Visibility.PUBLIC;
        }
        return switch (text) {
            case "public" -> Visibility.PUBLIC;
            case "private" -> Visibility.PRIVATE;
            default ->
                throw app.wasmcloud.api.web.ApiException.badRequest(
                        "Invalid visibility '" + text + "': use 'public' or 'private'.");
        };
    }
}
