package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The object store named by {@code wasmcloud.storage.type}, one for the whole service (one S3 client, closed with the
 * context), and the module and replay stores over it; compiled classes go into it beside the modules.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    ObjectStore objectStore(StorageProperties properties) {
        return properties.openObjectStore();
    }

    @Bean
    ModuleStore moduleStore(ObjectStore objects, MeterRegistry registry) {
        return new ModuleStore(objects, registry);
    }

    @Bean
    ReplayStore replayStore(ObjectStore objects) {
        return new ReplayStore(objects);
    }
}
