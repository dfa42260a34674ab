package app.wasmcloud.runtime;

import com.dylibso.chicory.compiler.Cache;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;

/**
 * Chicory's compiler cache over a {@link CompiledClassCache}, for one module. Chicory keys by the module's digest only;
 * the key used here adds the compiler's version and the JDK's feature release, so classes from another Chicory or
 * another JDK are never loaded.
 */
final class CachedClasses implements Cache {

    /**
     * The bytes are Chicory's alone (class files of version 55, Java 11, whichever JDK compiles), so its version decides
     * them. The JDK's feature release is in the key as well, to be safe: classes are verified and linked against the
     * JDK that defines them, which the compiling service's JDK has done and another release has not, so a JDK upgrade
     * costs each module one compile rather than loading classes that release never checked.
     */
    private static final String COMPILER =
            "chicory-" + compilerVersion() + "-jdk" + Runtime.version().feature();

    private final CompiledClassCache cache;
    private final String key;
    private final boolean read;
    private boolean hit;

    /**
     * @param read whether to look in the cache at all; false to compile and overwrite what is there
     */
    CachedClasses(CompiledClassCache cache, String key, boolean read) {
        this.cache = cache;
        this.key = key;
        this.read = read;
    }

    static String key(String sha256Hex) {
        return sha256Hex + "-" + COMPILER;
    }

    /** Whether the classes were found in the cache (and so not compiled). */
    boolean hit() {
        return hit;
    }

    @Override
    public byte[] get(String chicoryKey) {
        if (!read) {
            return null;
        }
        try {
            byte[] classes = cache.get(key);
            hit = classes != null;
            return classes;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void putIfAbsent(String chicoryKey, byte[] classes) {
        try {
            cache.put(key, classes);
        } catch (IOException | RuntimeException e) {
            // The module is compiled and usable; it will simply be compiled again next time.
        }
    }

    private static String compilerVersion() {
        String properties = "/META-INF/maven/com.dylibso.chicory/compiler/pom.properties";
        try (InputStream in = Cache.class.getResourceAsStream(properties)) {
            Properties values = new Properties();
            if (in != null) {
                values.load(in);
            }
            return values.getProperty("version", "unknown").toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "unknown";
        }
    }
}
