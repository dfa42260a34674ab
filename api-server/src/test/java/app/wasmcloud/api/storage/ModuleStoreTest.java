package app.wasmcloud.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleStoreTest {

    static final String SHA = "a".repeat(64);

    @TempDir
    Path root;

    ModuleStore store() {
        return new ModuleStore(
                new StorageProperties(StorageProperties.StorageType.FILESYSTEM, root, null).openObjectStore(),
                new SimpleMeterRegistry());
    }

    @Test
    void aModuleIsStoredUnderItsHashAndAStoreAgainKeepsTheFirstCopy() {
        ModuleStore store = store();

        store.put(SHA, new byte[] {1, 2, 3});
        store.put(SHA, new byte[] {9});

        assertThat(store.contains(SHA)).isTrue();
        assertThat(root.resolve("modules/sha256/" + SHA)).hasBinaryContent(new byte[] {1, 2, 3});
        assertThat(store.contains("b".repeat(64))).isFalse();
    }
}
