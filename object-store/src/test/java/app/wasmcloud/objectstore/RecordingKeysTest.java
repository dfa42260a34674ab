package app.wasmcloud.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordingKeysTest {

    @Test
    void aRecordingIsKeyedByItsInvocationIdBesideTheModules() {
        UUID id = UUID.fromString("0190e0a0-4d2c-7a31-9c55-2f7f0a1b2c3d");

        assertThat(RecordingKeys.of(id)).isEqualTo("recordings/0190e0a0-4d2c-7a31-9c55-2f7f0a1b2c3d");
        assertThat(RecordingKeys.of(id)).doesNotStartWith(ModuleKeys.PREFIX);
    }
}
