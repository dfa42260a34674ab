package app.wasmcloud.executor.run;

import app.wasmcloud.runtime.cgi.CgiReply;
import app.wasmcloud.runtime.cgi.RequestBodyLimit;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reads one request body without a thread (Servlet non-blocking input): the container calls back as bytes arrive,
 * and only the complete body goes on to the function. Exactly one of the endings happens: the body is complete, it
 * is over the limit (413), it arrives too slowly (408, from {@link SlowBodyGuard}), or the client goes away.
 */
final class BodyReader implements ReadListener {

    private final AsyncContext async;
    private final ServletInputStream in;
    private final RequestBodyLimit limit;
    private final SlowBodyGuard guard;
    private final String invocationId;
    private final Consumer<byte[]> onBody;
    private final Responder responder;
    private final ByteArrayOutputStream body;
    private final byte[] buffer = new byte[8192];
    private final AtomicBoolean ended = new AtomicBoolean();
    private final long startedNanos = System.nanoTime();
    private volatile long bytesSoFar;

    /** Writes a reply to the async request; the gateway's one writer. */
    interface Responder {
        void write(CgiReply reply) throws IOException;
    }

    BodyReader(
            AsyncContext async,
            ServletInputStream in,
            long declaredLength,
            RequestBodyLimit limit,
            SlowBodyGuard guard,
            String invocationId,
            Consumer<byte[]> onBody,
            Responder responder) {
        this.async = async;
        this.in = in;
        this.limit = limit;
        this.guard = guard;
        this.invocationId = invocationId;
        this.onBody = onBody;
        this.responder = responder;
        this.body = new ByteArrayOutputStream((int) Math.clamp(declaredLength, 0, 64 * 1024));
    }

    long startedNanos() {
        return startedNanos;
    }

    long bytesSoFar() {
        return bytesSoFar;
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!ended.get() && in.isReady()) {
            int read = in.read(buffer);
            if (read < 0) {
                return;
            }
            body.write(buffer, 0, read);
            bytesSoFar += read;
            if (limit.refuses(bytesSoFar)) {
                end(limit.tooLarge(invocationId));
                return;
            }
        }
    }

    @Override
    public void onAllDataRead() {
        if (ended.compareAndSet(false, true)) {
            guard.forget(this);
            try {
                onBody.accept(body.toByteArray());
            } finally {
                async.complete();
            }
        }
    }

    @Override
    public void onError(Throwable failure) {
        // The client went away or broke the framing: nobody is left to answer.
        if (ended.compareAndSet(false, true)) {
            guard.forget(this);
            async.complete();
        }
    }

    /** Called by the guard: the body did not arrive in time. */
    void tooSlow() {
        end(CgiReply.error(408, "The request body did not arrive in time", invocationId, false));
    }

    private void end(CgiReply reply) {
        if (ended.compareAndSet(false, true)) {
            guard.forget(this);
            try {
                responder.write(reply);
            } catch (IOException clientGone) {
                // Nothing to tell a client that is gone.
            } finally {
                async.complete();
            }
        }
    }
}
