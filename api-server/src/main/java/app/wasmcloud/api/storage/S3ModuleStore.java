package app.wasmcloud.api.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Modules in an S3 API bucket under {@code modules/sha256/<hex>}, the layout executors read. Set up for Backblaze
 * B2: explicit region, path-style addressing, and checksums only where the API requires them (B2 rejects the SDK's
 * default checksum trailers).
 */
final class S3ModuleStore implements ModuleStore, AutoCloseable {

    static final String KEY_PREFIX = "modules/sha256/";

    private final S3Client s3;
    private final String bucket;

    S3ModuleStore(StorageProperties.S3 properties) {
        if (isBlank(properties.bucket()) || isBlank(properties.region())) {
            throw new IllegalStateException(
                    "wasmcloud.storage.type=s3 needs wasmcloud.storage.s3.bucket and wasmcloud.storage.s3.region");
        }
        this.bucket = properties.bucket();
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(properties.region()))
                .forcePathStyle(properties.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(properties))
                .overrideConfiguration(configuration -> configuration.apiCallTimeout(properties.timeout()));
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        this.s3 = builder.build();
    }

    /** Idempotent: the key is the content's hash, so an object already there is this very module. */
    @Override
    public void put(String sha256, byte[] module) {
        if (contains(sha256)) {
            return;
        }
        String key = KEY_PREFIX + sha256;
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
        String key = KEY_PREFIX + sha256;
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

    private static AwsCredentialsProvider credentials(StorageProperties.S3 properties) {
        if (isBlank(properties.accessKeyId()) || isBlank(properties.secretAccessKey())) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(properties.accessKeyId(), properties.secretAccessKey()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
