package app.wasmcloud.executor.run;

/**
 * The request a function sees, once routing has taken the function's name off it.
 *
 * @param requestUri the original path and query, undecoded
 * @param scriptName {@code /<function>} for path-style URLs, empty for host-style
 * @param rawPathInfo the undecoded path after the script name ("" or starting with "/")
 * @param queryString the raw query without "?", "" when none
 * @param passCookies cookies belong to the function only on its own host-style origin
 */
public record RequestTarget(
        String method,
        String requestUri,
        String scriptName,
        String rawPathInfo,
        String queryString,
        boolean passCookies) {

    /**
     * The decoded path after the script name, an encoded slash kept as {@code %2F} (see {@link RunPath}); '+' is a
     * literal plus in a path, only the query uses it for spaces. The path was checked by {@link RunController}.
     */
    public String pathInfo() {
        return RunPath.decoded(rawPathInfo).orElseThrow();
    }
}
