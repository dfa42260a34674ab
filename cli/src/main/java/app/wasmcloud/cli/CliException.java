package app.wasmcloud.cli;

import java.util.List;

/**
 * A failure a command reports to the user: one line of message, optional reasons printed beneath it, and the exit
 * code it maps to.
 */
public class CliException extends RuntimeException {
    private final ExitCode exitCode;
    private final List<String> reasons;

    public CliException(ExitCode exitCode, String message) {
        this(exitCode, message, List.of(), null);
    }

    public CliException(ExitCode exitCode, String message, Throwable cause) {
        this(exitCode, message, List.of(), cause);
    }

    public CliException(ExitCode exitCode, String message, List<String> reasons, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.reasons = List.copyOf(reasons);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public List<String> reasons() {
        return reasons;
    }
}
