package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCacheTest {

    @TempDir
    Path directory;

    @Test
    void aStartDeletesPartialFilesOfDeadWritersButNotThoseBeingWrittenNow() throws Exception {
        Path abandoned = Files.writeString(directory.resolve("aa.1234.partial"), "half");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path inProgress = Files.writeString(directory.resolve("bb.5678.partial"), "half");

        new DirectoryCache(directory, "", 1000);

        assertThat(abandoned).doesNotExist();
        assertThat(inProgress).exists();
    }

    @Test
    void aStartTrimsWhatEarlierRunsLeftToTheBoundOldestFirstAndCountsTheRest() throws Exception {
        Path old = Files.writeString(directory.resolve("aa"), "12345678");
        Files.setLastModifiedTime(old, FileTime.fromMillis(1000));
        Path recent = Files.writeString(directory.resolve("bb"), "12345678");
        Files.writeString(directory.resolve("not a key"), "ignored, whatever its size");

        DirectoryCache cache = new DirectoryCache(directory, "", 10);

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(cache.bytes()).isEqualTo(8);
        assertThat(cache.read("bb")).isEqualTo("12345678".getBytes(StandardCharsets.UTF_8));
        assertThat(cache.read("aa")).isNull();
    }

    @Test
    void anEntryLargerThanTheWholeBoundIsNotStoredAndEvictsNothing() throws Exception {
        DirectoryCache cache = new DirectoryCache(directory, ".x", 4);
        cache.write("aa", new byte[] {1, 2});

        assertThat(cache.write("bb", new byte[] {1, 2, 3, 4, 5})).isZero();

        assertThat(cache.contains("aa")).isTrue();
        assertThat(cache.contains("bb")).isFalse();
        assertThat(directory.resolve("aa.x")).exists();
    }
}
