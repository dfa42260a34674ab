package app.wasmcloud.objectstore;

import java.io.IOException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Objects in an S3 API bucket (Backblaze B2 in production), through one blocking client that {@link #close} ends. */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final String bucket;

    private S3ObjectStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** A client for the bucket; check its settings first ({@link S3Bucket#requireNamed}). */
    public static S3ObjectStore open(S3Bucket settings) {
        return new S3ObjectStore(S3Clients.open(settings), settings.bucket());
    }

    @Override
    public void put(String key, byte[] content, String contentType) throws IOException {
        try {
            s3.putObject(
                    request -> request.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failed("storing " + key + " in", e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) throws IOException {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(request -> request.bucket(bucket).key(key))
                            .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failed("fetching " + key + " from", e);
        }
    }

    @Override
    public boolean contains(String key) throws IOException {
        try {
            s3.headObject(request -> request.bucket(bucket).key(key));
            return true;
        } catch (SdkException e) {
            // A HEAD response has no body, so a missing key comes back as a bare 404 rather than NoSuchKey.
            if (e instanceof S3Exception response && response.statusCode() == 404) {
                return false;
            }
            throw failed("checking " + key + " in", e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(key));
        } catch (SdkException e) {
            throw failed("deleting " + key + " from", e);
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    @Override
    public String toString() {
        return "bucket " + bucket;
    }

    private IOException failed(String call, SdkException e) {
        return new IOException(call + " " + this + " failed: " + e.getMessage(), e);
    }
}
