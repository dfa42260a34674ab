package app.wasmcloud.runtime.olin.resource;

import app.wasmcloud.runtime.internal.GuestLog;
import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.olin.OlinError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code http://} and {@code https://}: the guest writes a raw HTTP/1.1 request, flush (or the first read) sends it to
 * the host of the opened URL, and reads return the response as HTTP/1.1 wire bytes with a correct Content-Length.
 * The connection goes to an address checked after DNS, never to where a guest-written Host header points.
 */
public final class HttpResource implements OlinResource {

    private static final int MAX_REQUEST_BYTES = 1024 * 1024;
    private static final int READ_POLL_MILLIS = 200;
    private static final List<String> DROPPED_REQUEST_HEADERS =
            List.of("host", "connection", "content-length", "transfer-encoding", "keep-alive", "proxy-connection");

    private final URI target;
    private final EgressPolicy policy;
    private final GuestLog log;
    private final CpuSlot slot;
    private final ByteArrayOutputStream request = new ByteArrayOutputStream();
    private byte[] response;
    private int readPosition;
    private boolean failed;

    HttpResource(URI target, EgressPolicy policy, GuestLog log, CpuSlot slot) {
        this.target = target;
        this.policy = policy;
        this.log = log;
        this.slot = slot;
    }

    @Override
    public int write(byte[] data) {
        if (response != null || failed || request.size() + data.length > MAX_REQUEST_BYTES) {
            return OlinError.UNKNOWN.code();
        }
        request.writeBytes(data);
        return data.length;
    }

    @Override
    public int flush() {
        return send() ? 0 : OlinError.UNKNOWN.code();
    }

    @Override
    public int read(byte[] buffer) {
        if (!send()) {
            return OlinError.UNKNOWN.code();
        }
        if (readPosition >= response.length) {
            return OlinError.END_OF_FILE.code();
        }
        int count = Math.min(buffer.length, response.length - readPosition);
        System.arraycopy(response, readPosition, buffer, 0, count);
        readPosition += count;
        return count;
    }

    /** Sends the buffered request once; false when it failed (the reason goes to the invocation's log). */
    private boolean send() {
        if (response != null) {
            return true;
        }
        if (failed) {
            return false;
        }
        try {
            HttpWire.Request parsed = HttpWire.parseRequest(request.toByteArray());
            // Waiting for a remote host uses no CPU: the slot goes to someone else meanwhile.
            response = slot.whileBlocked(() -> exchange(parsed));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            failed = true;
            log.add(
                    GuestLog.WARNING,
                    "",
                    ("http request to " + target.getHost() + " failed: " + e.getMessage())
                            .getBytes(StandardCharsets.UTF_8));
            return false;
        }
    }

    private byte[] exchange(HttpWire.Request parsed) throws IOException {
        boolean tls = target.getScheme().equalsIgnoreCase("https");
        int port = target.getPort() > 0 ? target.getPort() : tls ? 443 : 80;
        InetAddress address = resolve(target.getHost());
        long deadline = System.nanoTime() + policy.requestTimeout().toNanos();
        try (Socket socket =
                connect(address, port, tls, (int) policy.requestTimeout().toMillis())) {
            // Short reads so that HttpWire can notice the deadline and the invocation's timeout in between.
            socket.setSoTimeout(READ_POLL_MILLIS);
            socket.getOutputStream()
                    .write(HttpWire.requestBytes(parsed, hostHeader(port, tls), DROPPED_REQUEST_HEADERS));
            socket.getOutputStream().flush();
            return HttpWire.readResponse(socket.getInputStream(), policy.maxResponseBytes(), deadline);
        }
    }

    /** The first resolved address, refused when policy forbids it (loopback, private, link-local, metadata). */
    private InetAddress resolve(String host) throws IOException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        for (InetAddress address : addresses) {
            if (!policy.allowsAddress(address)) {
                throw new IOException(host + " resolves to " + address.getHostAddress() + ", which is not public");
            }
        }
        return addresses[0];
    }

    private Socket connect(InetAddress address, int port, boolean tls, int timeoutMillis) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            if (!tls) {
                return plain;
            }
            SSLSocket secure = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, target.getHost(), port, true);
            SSLParameters parameters = secure.getSSLParameters();
            // Verify the certificate against the URL's host even though the socket was opened to an IP.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setServerNames(List.of(new SNIHostName(target.getHost())));
            secure.setSSLParameters(parameters);
            secure.startHandshake();
            return secure;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private String hostHeader(int port, boolean tls) {
        boolean defaultPort = port == (tls ? 443 : 80);
        return defaultPort ? target.getHost() : target.getHost() + ":" + port;
    }
}
