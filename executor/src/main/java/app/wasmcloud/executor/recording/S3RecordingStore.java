package app.wasmcloud.executor.recording;

import app.wasmcloud.objectstore.RecordingKeys;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import java.io.IOException;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts recordings in the modules' S3 API bucket. */
final class S3RecordingStore implements RecordingStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3RecordingStore(S3Bucket settings) {
        this.bucket = settings.requireNamed("wasmcloud.executor.s3").bucket();
        this.s3 = S3Clients.open(settings);
    }

    @Override
    public void put(UUID invocationId, byte[] recording) throws IOException {
        String key = RecordingKeys.of(invocationId);
        try {
            s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromBytes(recording));
        } catch (SdkException e) {
            throw new IOException("storing " + key + " in bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
