package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.RecordingKeys;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Recordings and modules in the S3 API bucket, where executors write and read them. */
final class S3ReplayStore implements ReplayStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3ReplayStore(S3Bucket settings) {
        this.bucket = settings.requireNamed("wasmcloud.storage.s3").bucket();
        this.s3 = S3Clients.open(settings);
    }

    @Override
    public Optional<byte[]> recording(UUID invocationId) {
        return get(RecordingKeys.of(invocationId));
    }

    @Override
    public void deleteRecording(UUID invocationId) {
        String key = RecordingKeys.of(invocationId);
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw new StorageUnavailableException("deleting " + key + " from bucket " + bucket + " failed", e);
        }
    }

    @Override
    public Optional<byte[]> module(String sha256) {
        return get(ModuleKeys.of(sha256));
    }

    private Optional<byte[]> get(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new StorageUnavailableException("fetching " + key + " from bucket " + bucket + " failed", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
