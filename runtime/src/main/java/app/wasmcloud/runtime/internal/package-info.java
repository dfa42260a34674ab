/**
 * Per-invocation plumbing shared by the Olin and WASI host functions: capped output, counted input, the log, host
 * call counters, the guest exit signal and the memory limit. Not API: other modules must not depend on it.
 */
package app.wasmcloud.runtime.internal;
