package app.wasmcloud.objectstore;

import java.util.regex.Pattern;

/**
 * Where a module's compiled JVM classes live in the bucket, beside the module: {@code compiled-classes/<cache key>},
 * the cache key being the runtime's ({@code CompiledClassCache.keyOf}: the module's SHA-256, the compiler's and the
 * JDK's version). The api-server writes them after its validation compile; executors fetch them instead of compiling.
 * In a filesystem store the same key is the path under the store's root.
 */
public final class CompiledClassKeys {

    public static final String PREFIX = "compiled-classes/";

    private static final Pattern CACHE_KEY = Pattern.compile("[0-9a-f]{64}-[0-9a-z.-]{1,100}");

    private CompiledClassKeys() {}

    /** The object key for a runtime cache key; anything else is refused, never turned into a key or a path. */
    public static String of(String cacheKey) {
        if (cacheKey == null || !CACHE_KEY.matcher(cacheKey).matches()) {
            throw new IllegalArgumentException("not a compiled-class cache key: " + cacheKey);
        }
        return PREFIX + cacheKey;
    }
}
