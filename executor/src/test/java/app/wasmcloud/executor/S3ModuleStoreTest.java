package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.testsupport.S3ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production module path: modules fetched from an S3 API (s3proxy here, B2 in production) through the disk
 * cache. Its own application context, since the module store is chosen at startup.
 */
class S3ModuleStoreTest extends ExecutorTest {

    static final S3ProxyServer S3 = S3ProxyServer.open();
    static final Path DISK_CACHE = createDiskCache();

    @DynamicPropertySource
    static void s3Properties(DynamicPropertyRegistry registry) {
        registry.add("wasmcloud.executor.module-store", () -> "s3");
        registry.add("wasmcloud.executor.disk-cache-dir", DISK_CACHE::toString);
        registry.add("wasmcloud.executor.s3.endpoint", () -> S3.endpoint().toString());
        registry.add("wasmcloud.executor.s3.region", () -> S3ProxyServer.REGION);
        registry.add("wasmcloud.executor.s3.bucket", () -> S3ProxyServer.BUCKET);
        registry.add("wasmcloud.executor.s3.access-key-id", () -> S3ProxyServer.ACCESS_KEY_ID);
        registry.add("wasmcloud.executor.s3.secret-access-key", () -> S3ProxyServer.SECRET_ACCESS_KEY);
    }

    @AfterAll
    static void stopS3() {
        S3.close();
    }

    @Test
    void aFunctionWhoseModuleIsInTheBucketIsServedAndItsModuleKeptOnDisk() throws Exception {
        byte[] module = uniqueModule("hello");
        String sha256 = S3.putModule(module);
        String name = deploy(module, "public", null);

        HttpResponse<String> response = get("/" + name + "/from-s3");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("path: /from-s3");
        assertThat(DISK_CACHE.resolve(sha256)).hasBinaryContent(module);
    }

    @Test
    void aFunctionWhoseModuleIsMissingFromTheBucketGets503TemporarilyUnavailable() throws Exception {
        String name = deploy(uniqueModule("hello"), "public", null);

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("This function is temporarily unavailable (invocation ");
        assertThat(recordOf(response)).isEqualTo("unavailable 503");
    }

    private static Path createDiskCache() {
        try {
            return Files.createTempDirectory("wasmcloud-module-cache");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
