package app.wasmcloud.executor.run;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.cgi.RequestBodyLimit;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RunPropertiesTest {

    @Test
    void theDefaultBodyLimitIsThePlatformsAsServeHasIt() {
        RunProperties defaults =
                new RunProperties("run.localhost", DataSize.parse(RequestBodyLimit.PLATFORM_DEFAULT_SIZE));

        assertThat(defaults.maxRequestBodyBytes()).isEqualTo(RequestBodyLimit.PLATFORM_DEFAULT.maxBytes());
    }
}
