package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Modules in an S3 API bucket under {@code modules/sha256/<hex>}, the layout executors read.
 */
final class S3ModuleStore implements ModuleStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;

    S3ModuleStore(S3Bucket settings) {
        this.bucket = settings.requireNamed("wasmcloud.storage.s3").bucket();
        this.s3 = S3Clients.open(settings);
    }

    /** Idempotent: the key is the content's hash, so an object already there is this very module. */
    @Override
    public void put(String sha256, byte[] module) {
        if (contains(sha256)) {
            return;
        }
        String key = ModuleKeys.of(sha256);
        try {
            s3.putObject(
                    request -> request.bucket(bucket).key(key).contentType("application/wasm"),
                    RequestBody.fromBytes(module));
        } catch (SdkException e) {
            throw new StorageUnavailableException("storing " + key + " in bucket " + bucket + " failed", e);
        }
    }

    @Override
    public boolean contains(String sha256) {
        String key = ModuleKeys.of(sha256);
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // A HEAD response has no body, so a missing key may come back as a bare 404.
            if (e.statusCode() == 404) {
                return false;
            }
            throw new StorageUnavailableException("checking " + key + " in bucket " + bucket + " failed", e);
        } catch (SdkException e) {
            throw new StorageUnavailableException("checking " + key + " in bucket " + bucket + " failed", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
