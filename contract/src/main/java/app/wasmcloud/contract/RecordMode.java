package app.wasmcloud.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a function's invocations are recorded for replay: a setting of the function, written by the api-server,
 * obeyed by the executors, and spelled the same in the API, the CLI and the database.
 */
public enum RecordMode {
    /** Nothing is recorded; host calls pay nothing for the feature. */
    OFF,
    /** Every invocation that ran is recorded. */
    ON,
    /** Every invocation is recorded while it runs, and kept only when it failed. */
    ERRORS;

    /** The spelling of the API, the CLI and the database. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<RecordMode> parse(String label) {
        return Arrays.stream(values())
                .filter(mode -> mode.label().equals(label))
                .findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(RecordMode::label).toList();
    }

    /** Whether the recording of a run that ended with {@code outcome} is kept. */
    public boolean keeps(InvocationOutcome outcome) {
        return switch (this) {
            case OFF -> false;
            case ON -> true;
            case ERRORS -> outcome != InvocationOutcome.OK;
        };
    }
}
