package app.wasmcloud.api.storage;

import app.wasmcloud.objectstore.S3Bucket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where modules are stored.
 *
 * @param type {@code filesystem} (dev and single-machine setups) or {@code s3} (an S3 API such as Backblaze B2)
 * @param filesystemRoot directory of the filesystem store
 * @param s3 the bucket, when {@code type} is {@code s3}
 */
@ConfigurationProperties("wasmcloud.storage")
public record StorageProperties(
        @DefaultValue("filesystem") StorageType type,
        @DefaultValue(".dev/modules") Path filesystemRoot,
        @DefaultValue S3 s3) {

    public enum StorageType {
        FILESYSTEM,
        S3
    }

    /**
     * An S3 API bucket. The defaults suit Backblaze B2; credentials come from the environment
     * ({@code WASMCLOUD_STORAGE_S3_ACCESS_KEY_ID} and {@code WASMCLOUD_STORAGE_S3_SECRET_ACCESS_KEY}, or the AWS SDK's
     * own chain when those are unset), never from a committed file.
     *
     * @param endpoint the S3 API's base URL (for B2 {@code https://s3.<region>.backblazeb2.com}); unset means AWS
     * @param region the bucket's region, always explicit (B2: e.g. {@code us-west-004})
     * @param bucket the bucket that holds {@code modules/sha256/<hex>}
     * @param pathStyle address the bucket in the path rather than the host name
     * @param accessKeyId the key id (a B2 application key id); with {@code secretAccessKey}, else the SDK's chain
     * @param secretAccessKey the secret of that key
     * @param timeout the most one storage call may take, retries included
     */
    public record S3(
            URI endpoint,
            String region,
            String bucket,
            @DefaultValue("true") boolean pathStyle,
            String accessKeyId,
            String secretAccessKey,
            @DefaultValue("30s") Duration timeout) {

        S3Bucket toBucket() {
            return new S3Bucket(endpoint, region, bucket, pathStyle, accessKeyId, secretAccessKey, timeout);
        }

        @Override
        public String toString() {
            // Records print every field; the secret must never reach a log.
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle=" + pathStyle
                    + ", accessKeyId=" + accessKeyId + "]";
        }
    }
}
