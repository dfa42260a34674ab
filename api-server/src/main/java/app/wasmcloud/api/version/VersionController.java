package app.wasmcloud.api.version;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.function.FunctionProperties;
import app.wasmcloud.api.token.Scope;
import app.wasmcloud.api.version.VersionService.Deployed;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class VersionController {

    private final VersionService versions;
    private final FunctionProperties functions;

    VersionController(VersionService versions, FunctionProperties functions) {
        this.versions = versions;
        this.functions = functions;
    }

    record VersionView(
            String function,
            int number,
            String sha256,
            long sizeBytes,
            String abi,
            String entrypoint,
            List<String> imports,
            Instant createdAt,
            String url) {}

    @PostMapping(path = "/api/functions/{name}/versions", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    VersionView upload(
            CurrentUser caller,
            @PathVariable String name,
            @RequestPart("module") MultipartFile module,
            @RequestParam(defaultValue = "false") boolean create)
            throws IOException {
        caller.require(Scope.DEPLOY);
        Deployed deployed = versions.deploy(caller, name, module.getBytes(), create);
        return view(deployed.function().name(), deployed.version());
    }

    @PostMapping("/api/functions/{name}/versions/{number}/activate")
    VersionView activate(CurrentUser caller, @PathVariable String name, @PathVariable int number) {
        caller.require(Scope.DEPLOY);
        return view(name, versions.activate(caller, name, number));
    }

    @GetMapping("/api/functions/{name}/versions")
    List<VersionView> list(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        return versions.list(caller, name).stream().map(v -> view(name, v)).toList();
    }

    private VersionView view(String name, FunctionVersion version) {
        return new VersionView(
                name,
                version.number(),
                version.sha256(),
                version.sizeBytes(),
                version.abi(),
                version.entrypoint(),
                version.imports(),
                version.createdAt(),
                functions.urlOf(name));
    }
}
