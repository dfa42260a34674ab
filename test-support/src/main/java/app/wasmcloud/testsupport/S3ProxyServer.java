package app.wasmcloud.testsupport;

import app.wasmcloud.contract.Sha256;
import app.wasmcloud.objectstore.ModuleKeys;
import app.wasmcloud.objectstore.ObjectStore;
import app.wasmcloud.objectstore.S3Bucket;
import app.wasmcloud.objectstore.S3Clients;
import app.wasmcloud.objectstore.S3ObjectStore;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The tests' stand-in for B2: an in-memory S3 API (s3proxy) on a free loopback port with the platform's one bucket,
 * signed requests required as B2 does. It can be stopped and started again on the same port with the same objects,
 * to play a storage outage, and can refuse writes under a key prefix, as one part of a bucket might.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String BUCKET = "wasmcloud-modules";
    public static final String REGION = "us-west-004";
    public static final String ACCESS_KEY_ID = "test-key-id";
    public static final String SECRET_ACCESS_KEY = "test-secret-key";

    private final TransientNio2BlobStore blobs = new TransientNio2BlobStore();
    /** Writes under this key prefix fail; null when every write succeeds. */
    private volatile String refusedPrefix;

    private URI endpoint = URI.create("http://127.0.0.1:0");
    private S3Proxy proxy;
    private S3Client client;
    private ObjectStore store;

    private S3ProxyServer() {
        blobs.createContainer(BUCKET);
    }

    /** A new, empty server on a free port. */
    public static S3ProxyServer open() {
        S3ProxyServer server = new S3ProxyServer();
        server.restart();
        return server;
    }

    /** Serves again, on the port it had and with the objects it held ({@link #stop} first). */
    public synchronized void restart() {
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

    /** Stops serving, keeping the objects: an outage until {@link #restart}. */
    public synchronized void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("s3proxy did not stop", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The bucket's settings pointing here, as a service is configured with them. */
    public S3Bucket bucket() {
        return new S3Bucket(endpoint, REGION, BUCKET, true, ACCESS_KEY_ID, SECRET_ACCESS_KEY, Duration.ofSeconds(30));
    }

    /** An object store over the bucket, as a service opens it; closed with this server. */
    public synchronized ObjectStore store() {
        if (store == null) {
            store = S3ObjectStore.open(bucket());
        }
        return store;
    }

    /** Fails every write whose key starts with {@code prefix} (null: none) until told otherwise. */
    public void refuseWritesUnder(String prefix) {
        refusedPrefix = prefix;
    }

    /** Stores a module under {@code modules/sha256/<hex>}, as the api-server does, and returns its hash. */
    public String putModule(byte[] module) {
        String sha256 = Sha256.hex(module);
        putObject(ModuleKeys.of(sha256), module);
        return sha256;
    }

    /** Stores any object straight into the bucket, as a service that writes it would. */
    public synchronized void putObject(String key, byte[] bytes) {
        client().putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromBytes(bytes));
    }

    /** The object's bytes, or null when there is none. */
    public synchronized byte[] object(String key) {
        try {
            return client().getObjectAsBytes(request -> request.bucket(BUCKET).key(key))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        if (store != null) {
            store.close();
        }
        stop();
    }

    private S3Client client() {
        if (client == null) {
            client = S3Clients.open(bucket());
        }
        return client;
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
