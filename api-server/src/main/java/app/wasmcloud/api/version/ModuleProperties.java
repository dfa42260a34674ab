package app.wasmcloud.api.version;

import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.api.web.UploadLimit;
import app.wasmcloud.runtime.ModuleCompiler;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * What an uploaded module may be.
 *
 * @param maxMemoryPages the most 64 KiB pages any module may declare as its initial memory, whatever its function
 *     allows (4096 = 256 MiB). A module must also fit its own function's memory limit (the function's
 *     {@code memoryPages}, else {@code wasmcloud.functions.default-memory-pages}, 256 = 16 MiB), or it could never
 *     start; an upload is checked against both
 * @param maxSize the largest module accepted; the multipart limit ({@code spring.servlet.multipart.max-file-size})
 *     follows it, so an oversized upload is cut off while it streams in
 * @param compile how uploads are checked and compiled; each value left out takes the runtime's default
 *     ({@link ModuleCompiler.Budget#DEFAULTS})
 */
@ConfigurationProperties("wasmcloud.modules")
public record ModuleProperties(
        @DefaultValue("4096") int maxMemoryPages,
        @DefaultValue("32MB") DataSize maxSize,
        @DefaultValue Compile compile) implements UploadLimit {

    /**
     * The upload compiler's pool and budgets.
     *
     * @param threads uploads compiled at once
     * @param queue uploads that may wait for a compiler before more are answered 503
     * @param timeBudget how long one upload's compile may take before the module is refused
     * @param allocationBudget what one upload's compile may allocate before the module is refused
     */
    public record Compile(Integer threads, Integer queue, Duration timeBudget, DataSize allocationBudget) {

        public ModuleCompiler.Budget budget() {
            return ModuleCompiler.Budget.of(
                    threads, queue, timeBudget, allocationBudget == null ? null : allocationBudget.toBytes());
        }
    }

    /** How the limit reads in an error message. */
    public String describeMaxSize() {
        return maxSize.toMegabytes() + " MiB (" + maxSize.toBytes() + " bytes)";
    }

    /** 413 for a module over the size cap, whichever layer (multipart parsing or the validator) finds it. */
    @Override
    public ApiException exceeded() {
        return new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Module too large",
                "The module is larger than the limit of " + describeMaxSize()
                        + "; make it smaller (e.g. build in release mode and strip debug sections).");
    }
}
