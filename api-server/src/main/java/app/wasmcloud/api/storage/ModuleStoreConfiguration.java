package app.wasmcloud.api.storage;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Picks the module store named by {@code wasmcloud.storage.type}, timed. */
@Configuration
class ModuleStoreConfiguration {

    @Bean
    ModuleStore moduleStore(StorageProperties properties, MeterRegistry registry) {
        ModuleStore store = switch (properties.type()) {
            case FILESYSTEM -> new FilesystemModuleStore(properties);
            case S3 -> new S3ModuleStore(properties.s3());
        };
        return new TimedModuleStore(store, registry);
    }

    @Bean
    ReplayStore replayStore(StorageProperties properties) {
        return switch (properties.type()) {
            case FILESYSTEM -> new FilesystemReplayStore(properties);
            case S3 -> new S3ReplayStore(properties.s3());
        };
    }
}
