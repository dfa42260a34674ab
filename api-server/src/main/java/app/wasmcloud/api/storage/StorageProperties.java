package app.wasmcloud.api.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where modules are stored.
 *
 * @param filesystemRoot directory of the filesystem store (dev and single-machine setups)
 */
@ConfigurationProperties("wasmcloud.storage")
public record StorageProperties(
        @DefaultValue(".dev/modules") Path filesystemRoot) {}
