package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.CompiledClassKeys;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Fetches compiled classes from the modules' S3 API bucket, where the api-server stores them. */
final class S3CompiledClassSource implements CompiledClassSource {

    private final S3Client s3;
    private final String bucket;

    S3CompiledClassSource(S3Bucket settings) {
        this.bucket = settings.requireNamed("wasmcloud.executor.s3").bucket();
        this.s3 = S3Clients.open(settings);
    }

    @Override
    public byte[] fetch(String cacheKey) throws IOException {
        String key = CompiledClassKeys.of(cacheKey);
        try {
            return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        } catch (SdkException e) {
            throw new IOException("fetching " + key + " from bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
