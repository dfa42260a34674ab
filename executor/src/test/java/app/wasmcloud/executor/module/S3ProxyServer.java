package app.wasmcloud.executor.module;

import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * An in-memory S3 API (s3proxy 4.1.0) on a free loopback port with one bucket, signed requests required as B2 does.
 * Modules are put the way the api-server stores them.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String BUCKET = "wasmcloud-modules";
    public static final String REGION = "us-west-004";
    public static final String ACCESS_KEY_ID = "test-key-id";
    public static final String SECRET_ACCESS_KEY = "test-secret-key";

    private final S3Proxy proxy;
    private final URI endpoint;
    private final S3Client writer;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        this.writer = S3Clients.open(bucket());
    }

    public static S3ProxyServer start() {
        TransientNio2BlobStore blobs = new TransientNio2BlobStore();
        blobs.createContainer(BUCKET);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not start", e);
        }
        return new S3ProxyServer(proxy);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Stores a module under {@code modules/sha256/<hex>}, as the api-server does, and returns its hash. */
    public String put(byte[] module) {
        String sha256 = Sha256.of(module);
        writer.putObject(
                PutObjectRequest.builder()
                        .bucket(BUCKET)
                        .key(ModuleKeys.of(sha256))
                        .build(),
                RequestBody.fromBytes(module));
        return sha256;
    }

    /** Stores any object, as the api-server (or someone else who can write the bucket) would. */
    public void putObject(String key, byte[] bytes) {
        writer.putObject(PutObjectRequest.builder().bucket(BUCKET).key(key).build(), RequestBody.fromBytes(bytes));
    }

    /** The bucket's settings pointing here. */
    S3Bucket bucket() {
        return new S3Bucket(endpoint, REGION, BUCKET, true, ACCESS_KEY_ID, SECRET_ACCESS_KEY, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        writer.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }
}
