package app.wasmcloud.executor.module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads modules from the filesystem store the api-server writes ({@code <root>/modules/sha256/<hex>}). */
final class FilesystemModuleSource implements ModuleSource {

    private final Path directory;

    FilesystemModuleSource(Path root) {
        this.directory = root.resolve("modules").resolve("sha256");
    }

    @Override
    public byte[] fetch(String sha256) throws IOException {
        return Files.readAllBytes(directory.resolve(Sha256.requireHex(sha256)));
    }
}
