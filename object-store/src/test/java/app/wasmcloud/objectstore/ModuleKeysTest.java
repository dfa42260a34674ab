package app.wasmcloud.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModuleKeysTest {

    private static final String HASH = "a".repeat(64);

    @Test
    void aModuleIsKeyedByItsHash() {
        assertThat(ModuleKeys.of(HASH)).isEqualTo("modules/sha256/" + HASH);
    }

    @Test
    void anythingButLowercaseHexIsRefusedSoNoPathCanBeInjected() {
        assertThatThrownBy(() -> ModuleKeys.of("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleKeys.of(HASH.toUpperCase())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleKeys.of(HASH + "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModuleKeys.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSecretNeverPrintsAndMissingSettingsAreNamed() {
        S3Bucket bucket = new S3Bucket(null, "us-west-004", "", true, "key-id", "s3cr3t", Duration.ofSeconds(5));

        assertThat(bucket.toString()).contains("key-id").doesNotContain("s3cr3t");
        assertThatThrownBy(() -> bucket.requireNamed("wasmcloud.storage.s3"))
                .hasMessage("an S3 module store needs wasmcloud.storage.s3.bucket and wasmcloud.storage.s3.region");
    }
}
