package app.wasmcloud.cli.local;

import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.DirectoryCompiledClassCache;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The compiled classes of the modules `run` and `serve` have loaded, kept in the user's cache directory so that the
 * next run of the same module loads them instead of compiling it. Entries are keyed as everywhere on the platform
 * ({@link CompiledClassCache#keyOf}: the module's SHA-256, the compiler's version and the JDK's feature release), so a
 * new CLI or JDK compiles afresh.
 */
final class UserClassCache {

    /** A few hundred typical modules; the least recently used are deleted past it. */
    static final long MAX_BYTES = 256L << 20;

    private UserClassCache() {}

    /**
     * The cache under {@link #directory}, or null when it cannot be opened (a read-only or missing home): a run then
     * compiles, as it would with no cache, and says why only with {@code --verbose}.
     */
    static CompiledClassCache open(Map<String, String> env, String userHome, boolean verbose, PrintStream err) {
        Path directory = directory(env, userHome);
        try {
            return new DirectoryCompiledClassCache(directory, MAX_BYTES);
        } catch (UncheckedIOException | SecurityException e) {
            if (verbose) {
                err.println(
                        "compiled-class cache " + directory + " is not usable, compiling instead: " + e.getMessage());
            }
            return null;
        }
    }

    /**
     * {@code $WASMCLOUD_CACHE_DIR/classes}, else {@code $XDG_CACHE_HOME/wasmcloud/classes}, else {@code
     * ~/.cache/wasmcloud/classes}; the launcher keeps its class-data archive in the same {@code wasmcloud} directory.
     */
    static Path directory(Map<String, String> env, String userHome) {
        String own = env.get("WASMCLOUD_CACHE_DIR");
        if (own != null && !own.isEmpty()) {
            return Path.of(own).resolve("classes");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        // As for the config file: the XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", userHome), ".cache");
        return base.resolve("wasmcloud").resolve("classes");
    }
}
