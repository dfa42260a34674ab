package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the module store adapter once, at startup, from {@code wasmcloud.executor.module-store}, and the compiled
 * classes' source beside it.
 */
@Configuration(proxyBeanMethods = false)
class ModuleSourceConfiguration {

    /**
     * The one object store of this executor (one S3 client), closed with the context: modules, compiled classes and
     * recordings all live in it.
     */
    @Bean
    ObjectStore objectStore(ModuleProperties executor) {
        return executor.openModuleStore();
    }

    @Bean
    ModuleSource moduleSource(ModuleProperties executor, ObjectStore objects, MeterRegistry meters) throws IOException {
        ModuleSource store = ModuleSource.in(objects);
        return switch (executor.moduleStore()) {
            case FILESYSTEM -> store;
            case S3 ->
                new DiskCachedModuleSource(
                        store,
                        executor.diskCacheDir(),
                        executor.diskCacheMaxBytes().toBytes(),
                        meters);
        };
    }

    /** The same store as the modules, unless {@code fetch-compiled-classes} is off. */
    @Bean
    CompiledClassSource compiledClassSource(ModuleProperties executor, ObjectStore objects) {
        if (!executor.fetchCompiledClasses()) {
            return CompiledClassSource.NONE;
        }
        return CompiledClassSource.in(objects);
    }
}
