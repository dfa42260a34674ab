package app.wasmcloud.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SealedClassesTest {

    static final String KEY = "a".repeat(64) + "-chicory-1.7.5-jdk25";
    static final byte[] CLASSES = "PK pretend this is a jar".getBytes(StandardCharsets.US_ASCII);

    @Test
    void openingWhatWasSealedGivesBackTheClasses() throws IOException {
        assertThat(SealedClasses.open(KEY, SealedClasses.seal(KEY, CLASSES))).isEqualTo(CLASSES);
    }

    @Test
    void aChangedByteIsRefused() {
        byte[] sealed = SealedClasses.seal(KEY, CLASSES);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> SealedClasses.open(KEY, sealed))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("do not match their digest");
    }

    @Test
    void aBundleCutShortIsRefused() {
        byte[] sealed = SealedClasses.seal(KEY, CLASSES);

        assertThatThrownBy(() -> SealedClasses.open(KEY, Arrays.copyOf(sealed, sealed.length - 3)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SealedClasses.open(KEY, Arrays.copyOf(sealed, 20)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no header");
    }

    @Test
    void aBundleSealedForAnotherKeyIsRefused() {
        String otherJdk = "a".repeat(64) + "-chicory-1.7.5-jdk24";
        byte[] sealed = SealedClasses.seal(otherJdk, CLASSES);

        assertThatThrownBy(() -> SealedClasses.open(KEY, sealed))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("were sealed for " + otherJdk);
    }

    @Test
    void rawClassesWithoutAHeaderAreRefused() {
        assertThatThrownBy(() -> SealedClasses.open(KEY, CLASSES)).isInstanceOf(IOException.class);
    }

    @Test
    void keysAreTheRuntimeKeyUnderThePrefixAndNothingElse() {
        assertThat(CompiledClassKeys.of(KEY)).isEqualTo("compiled-classes/" + KEY);
        assertThatThrownBy(() -> CompiledClassKeys.of("../" + KEY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompiledClassKeys.of("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }
}
