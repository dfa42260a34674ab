package app.wasmcloud.executor.function;

/** A notified change left this function served with (possibly) a new version: a cue to warm its module up. */
public record ActiveFunctionChanged(ActiveFunction function) {}
