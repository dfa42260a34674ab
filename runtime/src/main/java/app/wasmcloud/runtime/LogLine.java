package app.wasmcloud.runtime;

/**
 * One line a guest logged.
 *
 * @param level 1 error, 3 warning, 6 info; any other value is kept as the guest gave it
 * @param message the text, invalid UTF-8 replaced
 */
public record LogLine(int level, String message) {}
