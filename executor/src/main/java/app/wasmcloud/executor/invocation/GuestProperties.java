package app.wasmcloud.executor.invocation;

import app.wasmcloud.runtime.GuestDefaults;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every guest gets, whatever its function ({@code wasmcloud.executor.*}); the defaults are the platform's
 * ({@link GuestDefaults}), as in the CLI's {@code run} and {@code serve}.
 *
 * @param guestStackBytes stack size of the request threads that run guests, which bounds guest recursion depth
 * @param maxResponseBytes stdout above this ends the invocation (502); at most 2 GiB
 */
@ConfigurationProperties("wasmcloud.executor")
public record GuestProperties(
        @DefaultValue(GuestDefaults.STACK_SIZE) DataSize guestStackBytes,
        @DefaultValue(GuestDefaults.MAX_STDOUT_SIZE) DataSize maxResponseBytes) {

    public GuestProperties {
        if (guestStackBytes.toBytes() <= 0
                || maxResponseBytes.isNegative()
                || maxResponseBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("wasmcloud.executor: guest-stack-bytes must be positive and"
                    + " max-response-bytes between 0 and 2GB");
        }
    }

    int maxResponseBodyBytes() {
        return (int) maxResponseBytes.toBytes();
    }
}
