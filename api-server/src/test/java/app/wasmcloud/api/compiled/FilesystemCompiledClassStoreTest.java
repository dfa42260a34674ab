package app.wasmcloud.api.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemCompiledClassStoreTest {

    static final String KEY = "b".repeat(64) + "-chicory-1.7.5-jdk25";

    @TempDir
    Path root;

    @Test
    void classesGoBesideTheModulesUnderTheirKeyAndReplaceWhatWasThere() throws Exception {
        FilesystemCompiledClassStore store = new FilesystemCompiledClassStore(root);

        store.put(KEY, "first".getBytes(StandardCharsets.US_ASCII));
        store.put(KEY, "second".getBytes(StandardCharsets.US_ASCII));

        assertThat(root.resolve("compiled-classes").resolve(KEY)).hasContent("second");
        assertThat(root.resolve("compiled-classes")).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void aKeyThatIsNotTheRuntimesNeverBecomesAPath() {
        FilesystemCompiledClassStore store = new FilesystemCompiledClassStore(root);

        assertThatThrownBy(() -> store.put("../../etc/passwd", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
