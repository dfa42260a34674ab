package app.wasmcloud.objectstore;

import app.wasmcloud.contract.Sha256;

/**
 * Where a module lives in the bucket: {@code modules/sha256/<hex>}, content-addressed, so the api-server writes
 * each module once and every executor finds it by the hash the database names.
 */
public final class ModuleKeys {

    public static final String PREFIX = "modules/sha256/";

    private ModuleKeys() {}

    /** The key of the module with this lowercase hex SHA-256; anything else is refused, never turned into a key. */
    public static String of(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return PREFIX + sha256;
    }
}
