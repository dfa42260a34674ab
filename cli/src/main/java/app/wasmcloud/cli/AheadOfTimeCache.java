package app.wasmcloud.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** The launcher's ahead-of-time cache, as seen from the JVM that the launcher started with it. */
final class AheadOfTimeCache {
    /** Set by the launcher to the cache file it passed to this JVM with {@code -XX:AOTCache}. */
    static final String PROPERTY = "wasmcloud.aot.cache";

    private AheadOfTimeCache() {}

    /**
     * A cache the JVM could not map (truncated, corrupt, or from another build of the JDK) costs nothing but time: the
     * JVM starts without it, silently. The launcher would offer it to every later run, though, so it is deleted here
     * and the next run records a new one. The JVM says "sharing" in {@code java.vm.info} only when it mapped one.
     */
    static void discardIfUnused() {
        String cache = System.getProperty(PROPERTY);
        if (cache == null || System.getProperty("java.vm.info", "").contains("sharing")) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(cache));
        } catch (IOException | InvalidPathException | SecurityException e) {
            // Left in place, it only means slower starts; never a reason for a run to fail.
        }
    }
}
