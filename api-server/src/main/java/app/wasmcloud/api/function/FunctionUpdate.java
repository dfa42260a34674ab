package app.wasmcloud.api.function;

import java.util.List;

/** A partial change to a function's settings; a null field is left as it is. */
public record FunctionUpdate(
        String description,
        Visibility visibility,
        Integer timeoutMs,
        Integer memoryPages,
        List<String> egressAllowList) {}
