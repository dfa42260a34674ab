package app.wasmcloud.executor.module;

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

    @Bean
    ModuleSource moduleSource(ModuleProperties executor, MeterRegistry meters) throws IOException {
        ModuleSource store = ModuleSource.in(executor.openModuleStore());
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
    CompiledClassSource compiledClassSource(ModuleProperties executor) {
        if (!executor.fetchCompiledClasses()) {
            return CompiledClassSource.NONE;
        }
        return CompiledClassSource.in(executor.openModuleStore());
    }
}
