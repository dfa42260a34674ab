package app.wasmcloud.executor.invocation;

/** Which door an invocation came in by: the public run domain or the api-server's internal call. */
public enum Source {
    RUN,
    API
}
