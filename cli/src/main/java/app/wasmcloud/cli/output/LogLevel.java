package app.wasmcloud.cli.output;

/** How a guest's log level reads: the Olin levels by name, anything else by number. */
public final class LogLevel {
    private LogLevel() {}

    public static String name(int level) {
        return switch (level) {
            case 1 -> "error";
            case 3 -> "warning";
            case 6 -> "info";
            default -> "log " + level;
        };
    }
}
