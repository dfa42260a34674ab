package app.wasmcloud.executor.module;

import java.io.IOException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Fetches modules from an S3 API bucket under {@code modules/sha256/<hex>}, the layout the api-server writes. Set up
 * for Backblaze B2: explicit region, path-style addressing, and checksums only where the API requires them (B2
 * rejects the SDK's default checksum trailers).
 */
final class S3ModuleSource implements ModuleSource {

    static final String KEY_PREFIX = "modules/sha256/";

    private final S3Client s3;
    private final String bucket;

    S3ModuleSource(S3Properties properties) {
        if (isBlank(properties.bucket()) || isBlank(properties.region())) {
            throw new IllegalStateException(
                    "wasmcloud.executor.module-store=s3 needs wasmcloud.executor.s3.bucket and .region");
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

    @Override
    public byte[] fetch(String sha256) throws IOException {
        String key = KEY_PREFIX + Sha256.requireHex(sha256);
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

    private static AwsCredentialsProvider credentials(S3Properties properties) {
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
