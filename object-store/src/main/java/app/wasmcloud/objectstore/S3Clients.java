package app.wasmcloud.objectstore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The one place that knows how to talk to Backblaze B2 through the S3 API. */
public final class S3Clients {

    private S3Clients() {}

    /**
     * A blocking client for the bucket. B2 refuses the SDK's default checksum trailers, so checksums are sent and
     * checked only where the S3 API requires them; the region is always explicit because B2 has no default.
     */
    public static S3Client open(S3Bucket bucket) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(bucket.region()))
                .forcePathStyle(bucket.pathStyle())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(credentials(bucket))
                .overrideConfiguration(configuration -> configuration.apiCallTimeout(bucket.timeout()));
        if (bucket.endpoint() != null) {
            builder.endpointOverride(bucket.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(S3Bucket bucket) {
        if (!bucket.hasStaticCredentials()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(bucket.accessKeyId(), bucket.secretAccessKey()));
    }
}
