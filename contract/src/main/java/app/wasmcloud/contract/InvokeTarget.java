package app.wasmcloud.contract;

import java.util.regex.Pattern;

/**
 * The request a function sees when it is invoked through the API: a method and a path with an optional query, from
 * {@link WasmcloudHeaders#METHOD} and {@link WasmcloudHeaders#PATH}. The CLI checks them where they are typed, the
 * api-server at its edge and the executor at its internal endpoint, all with this one rule.
 *
 * @param method an HTTP method token in upper case, e.g. {@code GET}
 * @param path the path, starting with {@code /}, percent-encoded, without the query
 * @param query the raw query without {@code ?}; empty when none
 */
public record InvokeTarget(String method, String path, String query) {

    private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");

    public InvokeTarget {
        String problem = methodProblem(method);
        if (problem == null) {
            problem = pathProblem(path + (query.isEmpty() ? "" : "?" + query));
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * The target named by the two headers; a missing method is {@code POST} when there is a body, else {@code GET},
     * and a missing path is {@code /}. Throws {@link IllegalArgumentException} that says what is wrong.
     */
    public static InvokeTarget parse(String method, String pathAndQuery, boolean hasBody) {
        String effectiveMethod = method == null || method.isBlank() ? (hasBody ? "POST" : "GET") : method;
        String effectivePath = pathAndQuery == null || pathAndQuery.isBlank() ? "/" : pathAndQuery;
        String problem = methodProblem(effectiveMethod);
        if (problem == null) {
            problem = pathProblem(effectivePath);
        }
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        int question = effectivePath.indexOf('?');
        return question < 0
                ? new InvokeTarget(effectiveMethod, effectivePath, "")
                : new InvokeTarget(
                        effectiveMethod, effectivePath.substring(0, question), effectivePath.substring(question + 1));
    }

    /** Why {@code method} cannot be sent, or null. */
    public static String methodProblem(String method) {
        return method != null && METHOD.matcher(method).matches()
                ? null
                : "Invalid method '" + method + "': use an HTTP method in upper case, such as GET or POST.";
    }

    /** Why {@code pathAndQuery} cannot be sent, or null. */
    public static String pathProblem(String pathAndQuery) {
        if (pathAndQuery == null
                || !pathAndQuery.startsWith("/")
                || pathAndQuery.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            return "Invalid path '" + pathAndQuery + "': it must start with '/' and contain no spaces, control or"
                    + " non-ASCII characters (percent-encode them).";
        }
        return null;
    }

    /** The path and query as the function's {@code REQUEST_URI} ends. */
    public String pathAndQuery() {
        return query.isEmpty() ? path : path + "?" + query;
    }
}
