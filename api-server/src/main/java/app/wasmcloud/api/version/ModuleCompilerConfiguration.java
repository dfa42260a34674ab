package app.wasmcloud.api.version;

import app.wasmcloud.runtime.ModuleCompiler;
import app.wasmcloud.runtime.ModuleLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one compiler pool uploads are checked on, so concurrent uploads cannot take every core or the heap. */
@Configuration(proxyBeanMethods = false)
class ModuleCompilerConfiguration {

    @Bean(destroyMethod = "close")
    ModuleCompiler moduleCompiler(ModuleProperties properties) {
        return new ModuleCompiler(properties.compile().budget(), ModuleLimits.DEFAULTS);
    }
}
