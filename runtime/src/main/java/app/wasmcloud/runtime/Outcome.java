package app.wasmcloud.runtime;

/** How an invocation ended; each one is recorded and answered differently (see cgi.md). */
public enum Outcome {
    /** The entrypoint returned or exited with code 0. */
    OK,
    /** The guest exited with a code other than 0. */
    NONZERO_EXIT,
    /** The guest trapped: unreachable, out-of-bounds access, stack exhaustion, a bad host call. */
    TRAP,
    /** The wall-clock limit was hit. */
    TIMEOUT,
    /** The guest needed more memory than its limit allows. */
    MEMORY_LIMIT,
    /** The guest wrote more to stdout or stderr than its limit allows. */
    OUTPUT_LIMIT,
    /** The guest's output is not a valid CGI response (set by the CGI layer, never by the runtime). */
    INVALID_RESPONSE
}
