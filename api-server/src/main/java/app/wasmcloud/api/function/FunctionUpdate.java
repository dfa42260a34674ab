package app.wasmcloud.api.function;

import app.wasmcloud.contract.RecordMode;
import java.util.List;

/**
 * A partial change to a function's settings; a null field is left as it is. A limit given as
 * {@link LimitChange#DEFAULT} goes back to the platform default.
 */
public record FunctionUpdate(
        String description,
        Visibility visibility,
        LimitChange timeoutMs,
        LimitChange memoryPages,
        List<String> egressAllowList,
        RecordMode record) {

    /** A new value for one limit; {@code null} means the platform default (JSON {@code null} in a PATCH). */
    public record LimitChange(Integer value) {

        public static final LimitChange DEFAULT = new LimitChange(null);
    }
}
