package app.wasmcloud.api.version;

import app.wasmcloud.api.function.FunctionProperties;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.version.VersionService.Deployed;
import app.wasmcloud.contract.api.VersionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
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
@Tag(name = "Versions")
class VersionController {

    private final VersionService deploys;
    private final VersionRecords versions;
    private final FunctionProperties functions;

    VersionController(VersionService deploys, VersionRecords versions, FunctionProperties functions) {
        this.deploys = deploys;
        this.versions = versions;
        this.functions = functions;
    }

    @Operation(summary = "Deploy a module as the next version", description = """
                    Uploads a module as the function's next version and makes it active. Needs `deploy`. The body is
                    `multipart/form-data` with the module in a file part named `module`.

                    ```sh
                    curl -H "Authorization: Bearer $WASMCLOUD_TOKEN" \\
                         -F module=@hello.wasm \\
                         'http://localhost:8080/api/functions/hello/versions?create=true'
                    ```

                    The module is checked before anything is stored: it must be binary WebAssembly, well-formed,
                    import only Olin or WASI functions (not both), export an entrypoint, and declare at most 4096
                    pages (256 MiB) of initial memory. Its initial memory must also fit the function's own memory
                    limit (`memoryPages`, or the default of 256 pages, 16 MiB, while it is `null`), since the
                    function could never start otherwise. A refused module gives 422 with one entry in `errors` per
                    problem. An empty upload gives 400, one over 32 MiB 413. Success is 201 with the version: `abi`
                    is `olin` or `wasi`, depending on what the module imports; `entrypoint` is the export Wasmcloud
                    calls (`_start`, or `cwa_main` for old Olin modules).

                    Modules are stored by their SHA-256 before the version is recorded, so uploading the same bytes
                    twice stores them once (each upload still adds a version), and a failed upload never leaves a
                    version without its module.""")
    @PostMapping(path = "/api/functions/{name}/versions", consumes = "multipart/form-data")
    @ResponseStatus(HttpStatus.CREATED)
    VersionView upload(
            CurrentUser caller,
            @PathVariable String name,
            @Parameter(description = "The module: binary WebAssembly, at most 32 MiB.") @RequestPart("module")
                    MultipartFile module,
            @Parameter(
                            description = "Create the function first (public, no description) when it does not exist"
                                    + " yet; a name owned by someone else gives 409.")
                    @RequestParam(defaultValue = "false")
                    boolean create)
            throws IOException {
        caller.require(Scope.DEPLOY);
        Deployed deployed = deploys.deploy(caller, name, module.getBytes(), create);
        return view(deployed.function().name(), deployed.version());
    }

    @Operation(summary = "Make a version the active one (roll back or forward)", description = """
                    Needs `deploy`. Answers 200 with the version; activating the version that is already active
                    changes nothing. An unknown number gives 404.""")
    @PostMapping("/api/functions/{name}/versions/{number}/activate")
    VersionView activate(CurrentUser caller, @PathVariable String name, @PathVariable int number) {
        caller.require(Scope.DEPLOY);
        return view(name, versions.activate(caller, name, number));
    }

    @Operation(summary = "List a function's versions", description = """
                    Newest first. Needs `read`. Versions are numbered from 1 and immutable.""")
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
