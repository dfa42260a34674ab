package app.wasmcloud.api.compiled;

import app.wasmcloud.objectstore.CompiledClassKeys;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Compiled classes in the modules' S3 API bucket, where executors look for them. */
final class S3CompiledClassStore implements CompiledClassStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3CompiledClassStore(S3Bucket settings) {
        this.bucket = settings.requireNamed("wasmcloud.storage.s3").bucket();
        this.s3 = S3Clients.open(settings);
    }

    @Override
    public void put(String cacheKey, byte[] sealed) throws IOException {
        String key = CompiledClassKeys.of(cacheKey);
        try {
            s3.putObject(
                    request -> request.bucket(bucket).key(key).contentType("application/octet-stream"),
                    RequestBody.fromBytes(sealed));
        } catch (SdkException e) {
            throw new IOException("storing " + key + " in bucket " + bucket + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
