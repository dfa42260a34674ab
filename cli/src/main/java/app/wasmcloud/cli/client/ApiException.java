package app.wasmcloud.cli.client;

import java.net.URI;

/** The API answered with an error status; the exit-code mapper decides what that means for the user. */
public final class ApiException extends RuntimeException {
    private final String method;
    private final URI uri;
    private final int status;
    private final ProblemDetail problem;

    public ApiException(String method, URI uri, int status, ProblemDetail problem) {
        super(method + " " + uri + " answered HTTP " + status
                + (problem.detail() != null ? ": " + problem.detail() : ""));
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.problem = problem;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    public ProblemDetail problem() {
        return problem;
    }
}
