package app.wasmcloud.api;

import java.io.InputStream;
import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * B2 stand-in for the whole test JVM: an in-memory S3 API (s3proxy 4.1.0) on a loopback port, signed requests
 * required. It can be stopped and started again on the same port, with the same objects, to play a storage outage.
 */
final class S3ProxyServer {

    static final String BUCKET = "wasmcloud-modules";
    static final String REGION = "us-west-004";
    static final String ACCESS_KEY_ID = "test-key-id";
    static final String SECRET_ACCESS_KEY = "test-secret-key";

    private final TransientNio2BlobStore blobs = new TransientNio2BlobStore();
    /** Writes under this key prefix fail, as one part of a bucket might; null when every write succeeds. */
    private volatile String refusedPrefix;

    private URI endpoint = URI.create("http://127.0.0.1:0");
    private S3Proxy proxy;
    private S3Client reader;

    S3ProxyServer() {
        blobs.createContainer(BUCKET);
        start();
    }

    synchronized void start() {
        proxy = S3Proxy.builder()
                .blobStore(new RefusingWrites(blobs))
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    synchronized void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** Fails every write whose key starts with {@code prefix} (null: none) until told otherwise. */
    void refuseWritesUnder(String prefix) {
        refusedPrefix = prefix;
    }

    /** Puts an object as an executor would, straight into the store. */
    synchronized void put(String key, byte[] bytes) {
        client().putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    /** The object's bytes, or null when there is none. */
    synchronized byte[] object(String key) {
        try {
            return client().getObjectAsBytes(request -> request.bucket(BUCKET).key(key))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    private S3Client client() {
        if (reader == null) {
            reader = S3Client.builder()
                    .endpointOverride(endpoint)
                    .region(Region.of(REGION))
                    .forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY)))
                    .build();
        }
        return reader;
    }

    /** The blob store, failing the writes {@link #refuseWritesUnder} names with a server error. */
    private final class RefusingWrites extends ForwardingBlobStore {

        RefusingWrites(TransientNio2BlobStore blobs) {
            super(blobs);
        }

        @Override
        public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
            String prefix = refusedPrefix;
            if (prefix != null && request.key().startsWith(prefix)) {
                throw S3Exception.builder()
                        .statusCode(500)
                        .message("writes under " + prefix + " are refused by this test")
                        .build();
            }
            return super.putBlob(request, content);
        }
    }
}
