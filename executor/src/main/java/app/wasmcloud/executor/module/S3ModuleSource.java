package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Fetches modules from an S3 API bucket under {@code modules/sha256/<hex>}, the layout the api-server writes.
 */
final class S3ModuleSource implements ModuleSource {

    private final S3Client s3;
    private final String bucket;

    S3ModuleSource(S3Bucket settings) {
        this.bucket = settings.requireNamed("wasmcloud.executor.s3").bucket();
        this.s3 = S3Clients.open(settings);
    }

    @Override
    public byte[] fetch(String sha256) throws IOException {
        String key = ModuleKeys.of(sha256);
        try {
            return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new IOException("no object " + key + " in bucket " + bucket, e);
        } catch (SdkException e) {
            throw new IOException("fetching " + key + " from bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
