package app.wasmcloud.api.storage;

/**
 * Where uploaded modules live, addressed by the SHA-256 of their bytes: storing the same module twice is harmless,
 * so a retried upload needs no cleanup.
 */
public interface ModuleStore {

    /** Stores the module under {@code modules/sha256/<hex>}; throws {@link StorageUnavailableException} on outage. */
    void put(String sha256, byte[] module);

    boolean contains(String sha256);
}
