package app.wasmcloud.runtime;

import java.io.IOException;

/**
 * Where compiled modules are kept between processes, so a restarted executor loads a module's JVM classes instead of
 * compiling it again. Keys name both the module (its SHA-256) and the compiler that produced the classes, and contain
 * only {@code [0-9a-z.-]}. What is stored is executable code: keep it where only this service can write.
 *
 * @see DirectoryCompiledClassCache
 */
public interface CompiledClassCache {

    /** The classes stored under {@code key}, or null when there are none. */
    byte[] get(String key) throws IOException;

    /** Stores {@code compiledClasses} under {@code key}, replacing what was there. */
    void put(String key, byte[] compiledClasses) throws IOException;
}
