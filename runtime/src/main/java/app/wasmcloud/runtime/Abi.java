package app.wasmcloud.runtime;

/** The system interface a module is written against, decided from its imports. */
public enum Abi {
    /** Olin host functions imported from module {@code env} or {@code cwa}. */
    OLIN,
    /** WASI preview 1, imported from module {@code wasi_snapshot_preview1}. */
    WASI
}
