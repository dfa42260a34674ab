package app.wasmcloud.executor.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.testsupport.S3ProxyServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The disk cache in front of S3 (s3proxy in-process): served from disk once fetched, verified, bounded. */
class DiskCachedModuleSourceTest {

    @TempDir
    Path directory;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void theFirstFetchComesFromS3AndLaterOnesFromDiskEvenWithS3Stopped() throws Exception {
        byte[] module = "a module".getBytes(StandardCharsets.UTF_8);
        String sha256;
        DiskCachedModuleSource cached;
        try (S3ProxyServer s3 = S3ProxyServer.open()) {
            sha256 = s3.putModule(module);
            cached = new DiskCachedModuleSource(ModuleSource.in(s3.store()), directory, 1 << 20, meters);

            assertThat(cached.fetch(sha256)).isEqualTo(module);
        }

        assertThat(cached.fetch(sha256)).isEqualTo(module);
        assertThat(directory.resolve(sha256)).hasBinaryContent(module);
        assertThat(cacheCount("miss")).isEqualTo(1);
        assertThat(cacheCount("hit")).isEqualTo(1);
        cached.close();
    }

    @Test
    void afterARestartTheModulesOnDiskAreServedWithoutTheStore() throws Exception {
        Map<String, byte[]> store = new HashMap<>();
        byte[] module = "kept across restarts".getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(module);
        store.put(sha256, module);
        new DiskCachedModuleSource(fake(store), directory, 1 << 20, meters).fetch(sha256);
        store.clear();

        DiskCachedModuleSource restarted = new DiskCachedModuleSource(fake(store), directory, 1 << 20, meters);

        assertThat(restarted.fetch(sha256)).isEqualTo(module);
    }

    @Test
    void aDamagedFileOnDiskIsFetchedAgainAndReplaced() throws Exception {
        byte[] module = "the real module".getBytes(StandardCharsets.UTF_8);
        try (S3ProxyServer s3 = S3ProxyServer.open()) {
            String sha256 = s3.putModule(module);
            DiskCachedModuleSource cached =
                    new DiskCachedModuleSource(ModuleSource.in(s3.store()), directory, 1 << 20, meters);
            cached.fetch(sha256);
            Files.writeString(directory.resolve(sha256), "bit rot");

            assertThat(cached.fetch(sha256)).isEqualTo(module);
            assertThat(directory.resolve(sha256)).hasBinaryContent(module);
            assertThat(cacheCount("damaged")).isEqualTo(1);
            assertThat(cacheCount("miss")).isEqualTo(2);
            cached.close();
        }
    }

    @Test
    void anObjectMissingFromS3IsAnIOExceptionAndNothingIsCached() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.open()) {
            DiskCachedModuleSource cached =
                    new DiskCachedModuleSource(ModuleSource.in(s3.store()), directory, 1 << 20, meters);
            String absent = Sha256.hex(new byte[] {1, 2, 3});

            assertThatThrownBy(() -> cached.fetch(absent))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no object modules/sha256/" + absent);
            assertThat(directory).isEmptyDirectory();
            cached.close();
        }
    }

    @Test
    void bytesThatDoNotMatchTheirHashAreRefusedAndNotCached() throws Exception {
        String claimed = Sha256.hex("what was uploaded".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> store = new HashMap<>(Map.of(claimed, "something else".getBytes(StandardCharsets.UTF_8)));
        DiskCachedModuleSource cached = new DiskCachedModuleSource(fake(store), directory, 1 << 20, meters);

        assertThatThrownBy(() -> cached.fetch(claimed))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not match its hash");
        assertThat(cached.contains(claimed)).isFalse();
        assertThat(directory).isEmptyDirectory();
    }

    @Test
    void pastTheByteBoundTheLeastRecentlyUsedModulesAreDeleted() throws Exception {
        Map<String, byte[]> store = new HashMap<>();
        String a = put(store, "module a");
        String b = put(store, "module b");
        String c = put(store, "module c");
        DiskCachedModuleSource cached = new DiskCachedModuleSource(fake(store), directory, 2 * 8, meters);

        cached.fetch(a);
        cached.fetch(b);
        cached.fetch(a);
        cached.fetch(c);

        assertThat(cached.contains(a)).isTrue();
        assertThat(cached.contains(b)).isFalse();
        assertThat(cached.contains(c)).isTrue();
        assertThat(directory.resolve(b)).doesNotExist();
        assertThat(meters.get("wasmcloud.modules.disk.evictions").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("wasmcloud.modules.disk.bytes").gauge().value()).isEqualTo(16);
    }

    @Test
    void namesThatAreNotHashesNeverReachTheDiskOrTheStore() throws Exception {
        DiskCachedModuleSource cached = new DiskCachedModuleSource(fake(Map.of()), directory, 1 << 20, meters);

        assertThatThrownBy(() -> cached.fetch("../../etc/passwd"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a SHA-256");
    }

    private static String put(Map<String, byte[]> store, String content) {
        byte[] module = content.getBytes(StandardCharsets.UTF_8);
        String sha256 = Sha256.hex(module);
        store.put(sha256, module);
        return sha256;
    }

    private static ModuleSource fake(Map<String, byte[]> store) {
        return sha256 -> {
            byte[] module = store.get(sha256);
            if (module == null) {
                throw new NoSuchFileException(sha256);
            }
            return module;
        };
    }

    private double cacheCount(String result) {
        return meters.get("wasmcloud.modules.disk.cache")
                .tag("result", result)
                .counter()
                .count();
    }
}
