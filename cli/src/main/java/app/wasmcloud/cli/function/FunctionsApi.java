package app.wasmcloud.cli.function;

import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.client.MultipartBody;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The functions and versions endpoints, typed. */
final class FunctionsApi {
    /** Uploads are bounded by the module size limit (32 MiB), so a slow link still finishes in this time. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(5);

    private final ApiClient api;

    FunctionsApi(ApiClient api) {
        this.api = api;
    }

    Function create(NewFunction function) {
        return api.post("/api/functions", function, Function.class);
    }

    List<Function> list() {
        return api.list("/api/functions", Function[].class);
    }

    Function get(String name) {
        return api.get("/api/functions/" + name, Function.class);
    }

    Function update(String name, FunctionUpdateCommand.Update update) {
        return api.patch("/api/functions/" + name, update, Function.class);
    }

    FunctionVersion activate(String name, int number) {
        return api.post("/api/functions/" + name + "/versions/" + number + "/activate", null, FunctionVersion.class);
    }

    void delete(String name) {
        api.delete("/api/functions/" + name);
    }

    List<FunctionVersion> versions(String name) {
        return api.list("/api/functions/" + name + "/versions", FunctionVersion[].class);
    }

    FunctionVersion deploy(String name, Path module, boolean create, UploadProgress progress) {
        MultipartBody body = MultipartBody.ofFile("module", module, "application/wasm");
        HttpRequest request = api.request("/api/functions/" + name + "/versions" + (create ? "?create=true" : ""))
                .timeout(UPLOAD_TIMEOUT)
                .header("Content-Type", body.contentType())
                .POST(progress.track(body.publisher(), body.length()))
                .build();
        return api.send(request, FunctionVersion.class);
    }
}
