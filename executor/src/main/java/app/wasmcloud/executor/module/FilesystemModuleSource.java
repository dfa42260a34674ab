package app.wasmcloud.executor.module;

import app.wasmcloud.executor.ExecutorProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Reads modules from the filesystem store the api-server writes ({@code <root>/modules/sha256/<hex>}). */
@Component
class FilesystemModuleSource implements ModuleSource {

    private final Path directory;

    FilesystemModuleSource(ExecutorProperties properties) {
        this.directory = properties.moduleStoreRoot().resolve("modules").resolve("sha256");
    }

    @Override
    public byte[] fetch(String sha256) throws IOException {
        return Files.readAllBytes(directory.resolve(sha256));
    }
}
