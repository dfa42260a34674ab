package app.wasmcloud.executor.recording;

import app.wasmcloud.executor.module.ModuleProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recordings go where the modules are: the same filesystem store or the same bucket. */
@Configuration(proxyBeanMethods = false)
class RecordingStoreConfiguration {

    @Bean
    RecordingStore recordingStore(ModuleProperties modules) {
        return switch (modules.moduleStore()) {
            case FILESYSTEM -> new FilesystemRecordingStore(modules.moduleStoreRoot());
            case S3 -> new S3RecordingStore(modules.s3());
        };
    }
}
