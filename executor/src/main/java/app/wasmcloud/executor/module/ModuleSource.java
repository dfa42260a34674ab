package app.wasmcloud.executor.module;

import java.io.IOException;

/** Where an executor gets a module's bytes from, by the SHA-256 they were stored under. */
public interface ModuleSource {

    byte[] fetch(String sha256) throws IOException;
}
