package app.wasmcloud.executor.module;

/** Which store modules are fetched from ({@code wasmcloud.executor.module-store}). */
public enum ModuleStoreType {
    /** A directory shared with the api-server: dev and single-machine setups. */
    FILESYSTEM,
    /** An S3 API bucket (Backblaze B2 in production), fronted by a disk cache. */
    S3
}
