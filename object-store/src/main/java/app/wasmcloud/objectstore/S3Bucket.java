package app.wasmcloud.objectstore;

import java.net.URI;
import java.time.Duration;

/**
 * An S3 API bucket holding modules, bound as it is from both services' configuration ({@code wasmcloud.storage.s3.*}
 * and {@code wasmcloud.executor.s3.*}). The defaults suit Backblaze B2. Credentials come from the operator's
 * environment or, when both are blank, from the AWS SDK's own chain; never from a committed file.
 *
 * @param endpoint the S3 API's base URL (for B2 {@code https://s3.<region>.backblazeb2.com}); null means AWS
 * @param region the bucket's region, always explicit (B2: e.g. {@code us-west-004})
 * @param bucket the bucket's name
 * @param pathStyle address the bucket in the path rather than the host name; true unless set
 * @param accessKeyId the key id (a B2 application key id)
 * @param secretAccessKey the secret of that key
 * @param timeout the most one storage call may take, retries included; 30 s unless set
 */
public record S3Bucket(
        URI endpoint,
        String region,
        String bucket,
        Boolean pathStyle,
        String accessKeyId,
        String secretAccessKey,
        Duration timeout) {

    public S3Bucket {
        pathStyle = pathStyle == null || pathStyle;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    }

    /** Fails start-up with the settings to add, named under the service's own property prefix. */
    public S3Bucket requireNamed(String propertyPrefix) {
        if (isBlank(bucket) || isBlank(region)) {
            throw new IllegalStateException(
                    "an S3 module store needs " + propertyPrefix + ".bucket and " + propertyPrefix + ".region");
        }
        return this;
    }

    boolean hasStaticCredentials() {
        return !isBlank(accessKeyId) && !isBlank(secretAccessKey);
    }

    @Override
    public String toString() {
        // Records print every field; the secret must never reach a log.
        return "S3Bucket[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", pathStyle="
                + pathStyle + ", accessKeyId=" + accessKeyId + "]";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
