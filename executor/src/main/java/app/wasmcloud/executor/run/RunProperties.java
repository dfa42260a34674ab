package app.wasmcloud.executor.run;

import app.wasmcloud.runtime.cgi.RequestBodyLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The public run domain ({@code wasmcloud.executor.*}).
 *
 * @param runDomain host-style URLs are {@code <function>.<runDomain>}; path-style everywhere else
 * @param maxRequestBytes request bodies above this are refused with 413 before they are read; at most 2 GiB, by
 *     default the platform's ({@link RequestBodyLimit#PLATFORM_DEFAULT}, as {@code wasmcloud serve})
 */
@ConfigurationProperties("wasmcloud.executor")
public record RunProperties(
        @DefaultValue("run.localhost") String runDomain,

        @DefaultValue(RequestBodyLimit.PLATFORM_DEFAULT_SIZE)
        DataSize maxRequestBytes) {

    public RunProperties {
        if (maxRequestBytes.isNegative() || maxRequestBytes.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "wasmcloud.executor.max-request-bytes must be between 0 and 2GB, not " + maxRequestBytes);
        }
    }

    int maxRequestBodyBytes() {
        return (int) maxRequestBytes.toBytes();
    }
}
