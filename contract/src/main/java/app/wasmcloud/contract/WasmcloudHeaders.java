package app.wasmcloud.contract;

/** The {@code X-Wasmcloud-*} header names that travel between the CLI, the api-server, executors and clients. */
public final class WasmcloudHeaders {
    /** On every reply of the run domain and of an API invocation: the invocation's id (also {@code RUN_ID}). */
    public static final String INVOCATION_ID = "X-Wasmcloud-Invocation-Id";
    /** On an API invocation: the method the function sees. */
    public static final String METHOD = "X-Wasmcloud-Method";
    /** On an API invocation: the path and query the function sees, starting with {@code /}. */
    public static final String PATH = "X-Wasmcloud-Path";

    /**
     * On an API invocation's reply: the names (lower case, comma-separated) of the headers the function itself
     * returned, so a client such as {@code invoke -i} can tell them from the ones the API adds (caching, framing).
     */
    public static final String FUNCTION_HEADERS = "X-Wasmcloud-Function-Headers";

    /** The family's prefix: clients may not send such headers through to a function. */
    public static final String PREFIX = "X-Wasmcloud-";

    private WasmcloudHeaders() {}

    /** Whether a request header belongs to the platform, not to the function. */
    public static boolean isPlatformHeader(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}
