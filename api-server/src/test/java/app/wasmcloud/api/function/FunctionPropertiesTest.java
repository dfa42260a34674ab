package app.wasmcloud.api.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.wasmcloud.runtime.Limits;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FunctionPropertiesTest {

    private static FunctionProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("wasmcloud.functions", FunctionProperties.class);
    }

    @Test
    void aFunctionWithoutLimitsOfItsOwnRunsAsWasmcloudRunDoes() {
        FunctionProperties defaults = bind(Map.of());

        assertThat(defaults.defaultTimeout()).isEqualTo(Limits.defaults().timeout());
        assertThat(defaults.defaultMemoryPages()).isEqualTo(Limits.defaults().maxMemoryPages());
        assertThat(defaults.maxTimeoutMs()).isEqualTo(60_000);
    }

    @Test
    void theCeilingOnTimeoutsIsADuration() {
        assertThat(bind(Map.of("wasmcloud.functions.max-timeout", "2m")).maxTimeoutMs())
                .isEqualTo(120_000);
        assertThatThrownBy(() -> bind(Map.of("wasmcloud.functions.max-timeout", "30d")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("wasmcloud.functions.max-timeout must be from 1ms");
    }
}
