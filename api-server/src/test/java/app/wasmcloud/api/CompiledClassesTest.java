package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.objectstore.CompiledClassKeys;
import app.wasmcloud.objectstore.SealedClasses;
import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.WasmFunction;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An upload's validation compile leaves its classes beside the module (s3proxy as B2), for executors to load. */
class CompiledClassesTest extends ApiTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void anUploadStoresItsCompiledClassesUnderTheModulesHashCompilerAndJdk() throws Exception {
        String token = devToken();
        byte[] module = distinctHello("stored");

        HttpResponse<String> response = upload(
                "/api/functions/" + uniqueName("classes") + "/versions?create=true", token, "hello.wasm", module);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String sha256 = body(response).get("sha256").asString();
        String key = CompiledClassCache.keyOf(sha256);
        assertThat(key)
                .isEqualTo(sha256 + "-chicory-1.7.5-jdk" + Runtime.version().feature());
        byte[] stored = S3.object("compiled-classes/" + key);
        assertThat(stored).as("object " + CompiledClassKeys.of(key)).isNotNull();
        byte[] classes = SealedClasses.open(key, stored);
        // What an executor does with them: load, not compile.
        WasmFunction loaded = WasmFunction.load(module, null, Limits.MAX_WASM32_PAGES, handingOver(key, classes));
        assertThat(loaded.loadedFromCache()).isTrue();
    }

    @Test
    void anUploadWhoseClassesCannotBeStoredStillSucceedsAndIsCounted() throws Exception {
        String token = devToken();
        byte[] module = distinctHello("refused");
        double failedBefore = published("failed");

        S3.refuseWritesUnder(CompiledClassKeys.PREFIX);
        HttpResponse<String> response;
        try {
            response = upload(
                    "/api/functions/" + uniqueName("noclasses") + "/versions?create=true", token, "hello.wasm", module);
        } finally {
            S3.refuseWritesUnder(null);
        }

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String sha256 = body(response).get("sha256").asString();
        assertThat(S3.object("modules/sha256/" + sha256)).isEqualTo(module);
        assertThat(S3.object(CompiledClassKeys.of(CompiledClassCache.keyOf(sha256))))
                .isNull();
        assertThat(published("failed")).isEqualTo(failedBefore + 1);
    }

    /** The hello module with a custom section of its own, so each test uploads a module the store has not seen. */
    private static byte[] distinctHello(String tag) throws Exception {
        byte[] hello = Files.readAllBytes(HELLO_WASM);
        byte[] name = tag.getBytes(StandardCharsets.US_ASCII);
        byte[] module = Arrays.copyOf(hello, hello.length + 3 + name.length);
        module[hello.length] = 0;
        module[hello.length + 1] = (byte) (1 + name.length);
        module[hello.length + 2] = (byte) name.length;
        System.arraycopy(name, 0, module, hello.length + 3, name.length);
        return module;
    }

    private static CompiledClassCache handingOver(String key, byte[] classes) {
        return new CompiledClassCache() {
            @Override
            public byte[] get(String wanted) {
                return wanted.equals(key) ? classes : null;
            }

            @Override
            public void put(String unused, byte[] compiledClasses) {}
        };
    }

    private double published(String result) {
        var counter = meters.find("wasmcloud.deploys.compiled.classes")
                .tag("result", result)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
