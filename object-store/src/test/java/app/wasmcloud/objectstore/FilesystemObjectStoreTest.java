package app.wasmcloud.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemObjectStoreTest {

    @TempDir
    Path root;

    @Test
    void anObjectIsAFileUnderItsKeyAndAPutReplacesIt() throws Exception {
        FilesystemObjectStore store = new FilesystemObjectStore(root);
        String key = RecordingKeys.of(UUID.randomUUID());

        store.put(key, new byte[] {1}, ObjectStore.BYTES);
        store.put(key, new byte[] {2, 3}, ObjectStore.BYTES);

        assertThat(root.resolve(key)).hasBinaryContent(new byte[] {2, 3});
        assertThat(store.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2, 3));
        assertThat(store.contains(key)).isTrue();
    }

    @Test
    void aMissingObjectIsEmptyAndDeletingItAgainIsNoError() throws Exception {
        FilesystemObjectStore store = new FilesystemObjectStore(root);
        String key = ModuleKeys.of("c".repeat(64));
        store.put(key, new byte[] {1}, "application/wasm");

        store.delete(key);
        store.delete(key);

        assertThat(store.get(key)).isEmpty();
        assertThat(store.contains(key)).isFalse();
    }

    @Test
    void aKeyThatLeavesTheRootIsRefused() {
        FilesystemObjectStore store = new FilesystemObjectStore(root.resolve("store"));

        assertThatThrownBy(() -> store.get("../outside")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a/../../outside", new byte[1], ObjectStore.BYTES))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
