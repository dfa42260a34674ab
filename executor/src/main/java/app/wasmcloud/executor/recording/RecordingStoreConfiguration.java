package app.wasmcloud.executor.recording;

import app.wasmcloud.executor.module.ModuleProperties;
import app.wasmcloud.objectstore.ObjectStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recordings go where the modules are ({@code recordings/<invocation id>}): the same directory or the same bucket. */
@Configuration(proxyBeanMethods = false)
class RecordingStoreConfiguration {

    @Bean
    ObjectStore recordingStore(ModuleProperties modules) {
        return modules.openModuleStore();
    }
}
