package app.wasmcloud.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompiledClassKeysTest {

    @Test
    void classesAreKeyedByTheRuntimesCacheKeyBesideTheModules() {
        String cacheKey = "b".repeat(64) + "-chicory-1.7.5-jdk25";

        assertThat(CompiledClassKeys.of(cacheKey)).isEqualTo("compiled-classes/" + cacheKey);
    }

    @Test
    void aKeyThatIsNotTheRuntimesNeverBecomesAnObjectKey() {
        assertThatThrownBy(() -> CompiledClassKeys.of("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CompiledClassKeys.of(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
