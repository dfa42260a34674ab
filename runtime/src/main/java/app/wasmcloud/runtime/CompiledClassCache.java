package app.wasmcloud.runtime;

import java.io.IOException;

/**
 * Where compiled modules are kept between processes, so a restarted executor loads a module's JVM classes instead of
 * compiling it again. Keys name the module (its SHA-256), the compiler that produced the classes and the JDK that loads
 * them ({@link #keyOf}), and contain only {@code [0-9a-z.-]}. What is stored is executable code: keep it where only
 * trusted services can write.
 *
 * @see DirectoryCompiledClassCache
 */
public interface CompiledClassCache {

    /**
     * The key this runtime stores and looks up the classes of the module with this lowercase hex SHA-256 under, e.g.
     * {@code <sha256>-chicory-1.7.5-jdk25}: the one rule for it, shared by every service that stores or fetches them.
     */
    static String keyOf(String sha256) {
        return CachedClasses.key(sha256);
    }

    /** The classes stored under {@code key}, or null when there are none. */
    byte[] get(String key) throws IOException;

    /** Stores {@code compiledClasses} under {@code key}, replacing what was there. */
    void put(String key, byte[] compiledClasses) throws IOException;
}
