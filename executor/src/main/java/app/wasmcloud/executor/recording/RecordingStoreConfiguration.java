package app.wasmcloud.executor.recording;

import app.wasmcloud.executor.ExecutorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recordings go where the modules are: the same filesystem store or the same bucket. */
@Configuration(proxyBeanMethods = false)
class RecordingStoreConfiguration {

    @Bean
    RecordingStore recordingStore(ExecutorProperties executor) {
        return switch (executor.moduleStore()) {
            case FILESYSTEM -> new FilesystemRecordingStore(executor.moduleStoreRoot());
            case S3 -> new S3RecordingStore(executor.s3());
        };
    }
}
