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

    /** On an internal invocation of a background request: {@code async} or {@code schedule} ({@link InvocationOrigin}). */
    public static final String SOURCE = "X-Wasmcloud-Source";
    /** On an internal invocation of a background request: the request's id, which its record points at. */
    public static final String ASYNC_REQUEST = "X-Wasmcloud-Async-Request";
    /** On an internal invocation of a background request: which attempt this is, from 1. */
    public static final String ATTEMPT = "X-Wasmcloud-Attempt";

    /**
     * On a background invoke ({@code Prefer: respond-async}): where to POST the result once the request has succeeded
     * or ended in the dead-letter list; its host must be on the function's egress allow-list.
     */
    public static final String CALLBACK = "X-Wasmcloud-Callback";

    /** The family's prefix: clients may not send such headers through to a function. */
    public static final String PREFIX = "X-Wasmcloud-";

    private WasmcloudHeaders() {}

    /** Whether a request header belongs to the platform, not to the function. */
    public static boolean isPlatformHeader(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}
