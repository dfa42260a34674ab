package app.wasmcloud.api.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.objectstore.FilesystemObjectStore;
import app.wasmcloud.objectstore.SealedClasses;
import app.wasmcloud.runtime.CompiledClassCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompiledClassPublisherTest {

    static final String SHA = "b".repeat(64);

    @TempDir
    Path root;

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void capturedClassesArePublishedSealedBesideTheModulesReplacingWhatWasThere() throws Exception {
        CompiledClassPublisher publisher = new CompiledClassPublisher(new FilesystemObjectStore(root), meters);
        String key = CompiledClassCache.keyOf(SHA);

        publisher.put(key, "first".getBytes(StandardCharsets.US_ASCII));
        publisher.publish(SHA);
        publisher.put(key, "second".getBytes(StandardCharsets.US_ASCII));
        publisher.publish(SHA);

        Path stored = root.resolve("compiled-classes").resolve(key);
        assertThat(SealedClasses.open(key, Files.readAllBytes(stored)))
                .asString(StandardCharsets.US_ASCII)
                .isEqualTo("second");
        assertThat(root.resolve("compiled-classes")).isDirectoryNotContaining("glob:**.partial");
        assertThat(count("stored")).isEqualTo(2);
    }

    @Test
    void classesNeverCapturedAreCountedAndNothingIsStored() {
        CompiledClassPublisher publisher = new CompiledClassPublisher(new FilesystemObjectStore(root), meters);

        publisher.publish(SHA);

        assertThat(root.resolve("compiled-classes")).doesNotExist();
        assertThat(count("not-captured")).isEqualTo(1);
    }

    private double count(String result) {
        return meters.counter("wasmcloud.deploys.compiled.classes", "result", result)
                .count();
    }
}
