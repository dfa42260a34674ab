package app.wasmcloud.cli;

/** The CLI's exit codes; `wasmcloud --help` lists them, scripts may rely on them. */
public enum ExitCode {
    OK(0, "ok"),
    FAILURE(1, "failure"),
    USAGE(2, "usage error: unknown command, bad option or argument"),
    NOT_AUTHORIZED(3, "not logged in, token rejected, or forbidden"),
    NOT_FOUND(4, "not found"),
    UNAVAILABLE(5, "server unavailable or unreachable");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
