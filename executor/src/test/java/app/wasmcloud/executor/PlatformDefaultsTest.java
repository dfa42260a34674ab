package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.executor.invocation.AdmissionProperties;
import app.wasmcloud.executor.invocation.GuestProperties;
import app.wasmcloud.executor.run.RunProperties;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.GuestDefaults;
import app.wasmcloud.runtime.cgi.RequestBodyLimit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The executor's configuration, bound with nothing set, has the platform's defaults: the ones the CLI's {@code run}
 * and {@code serve} use, so a local run behaves as a deployed function.
 */
class PlatformDefaultsTest {

    private final Binder nothingSet = new Binder(new MapConfigurationPropertySource());

    @Test
    void guestsGetThePlatformsStackAndReplyLimit() {
        GuestProperties guests = nothingSet.bindOrCreate("wasmcloud.executor", GuestProperties.class);

        assertThat(guests.guestStackBytes().toBytes()).isEqualTo(GuestDefaults.STACK_BYTES);
        assertThat(guests.maxResponseBytes().toBytes()).isEqualTo(GuestDefaults.MAX_STDOUT_BYTES);
    }

    @Test
    void requestBodiesHaveThePlatformsLimit() {
        RunProperties run = nothingSet.bindOrCreate("wasmcloud.executor", RunProperties.class);

        assertThat(run.maxRequestBytes().toBytes()).isEqualTo(RequestBodyLimit.PLATFORM_DEFAULT.maxBytes());
    }

    @Test
    void admissionQueuesAsServeDoes() {
        AdmissionProperties admission =
                nothingSet.bindOrCreate("wasmcloud.executor.admission", AdmissionProperties.class);

        assertThat(admission.slots())
                .as("0: GuestDefaults.slots(), two per processor")
                .isZero();
        assertThat(admission.maxWaiting()).isEqualTo(ExecutionPool.SERVER_QUEUE_CAPACITY);
        assertThat(admission.queueDeadline()).isEqualTo(ExecutionPool.DEFAULT_QUEUE_DEADLINE);
    }
}
