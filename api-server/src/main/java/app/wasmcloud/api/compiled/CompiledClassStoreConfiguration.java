package app.wasmcloud.api.compiled;

import app.wasmcloud.api.storage.StorageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Keeps compiled classes in the same store as the modules ({@code wasmcloud.storage.type}). */
@Configuration(proxyBeanMethods = false)
class CompiledClassStoreConfiguration {

    @Bean
    CompiledClassStore compiledClassStore(StorageProperties properties) {
        return switch (properties.type()) {
            case FILESYSTEM -> new FilesystemCompiledClassStore(properties.filesystemRoot());
            case S3 -> new S3CompiledClassStore(properties.s3());
        };
    }
}
