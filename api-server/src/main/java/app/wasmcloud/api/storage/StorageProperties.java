package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.FilesystemObjectStore;
import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.ObjectStore;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where modules are stored.
 *
 * @param type {@code filesystem} (dev and single-machine setups) or {@code s3} (an S3 API such as Backblaze B2)
 * @param filesystemRoot directory of the filesystem store
 * @param s3 the bucket, when {@code type} is {@code s3}; credentials from the environment
 *     ({@code WASMCLOUD_STORAGE_S3_ACCESS_KEY_ID}, {@code WASMCLOUD_STORAGE_S3_SECRET_ACCESS_KEY})
 */
@ConfigurationProperties("wasmcloud.storage")
public record StorageProperties(
        @DefaultValue("filesystem") StorageType type,
        @DefaultValue(".dev/modules") Path filesystemRoot,
        @DefaultValue S3Bucket s3) {

    public enum StorageType {
        FILESYSTEM,
        S3
    }

    /** The store this names, for its owner to close; start-up fails here when it cannot be used. */
    public ObjectStore openObjectStore() {
        return switch (type) {
            case FILESYSTEM -> {
                Path modules = filesystemRoot.resolve(ModuleKeys.PREFIX);
                try {
                    Files.createDirectories(modules);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot create the module store directory " + modules, e);
                }
                yield new FilesystemObjectStore(filesystemRoot);
            }
            case S3 -> S3ObjectStore.open(s3.requireNamed("wasmcloud.storage.s3"));
        };
    }
}
