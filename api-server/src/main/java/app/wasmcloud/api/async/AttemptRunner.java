package app.wasmcloud.api.async;

import app.wasmcloud.api.executor.ExecutorClient;
import app.wasmcloud.api.executor.ExecutorUnavailableException;
import app.wasmcloud.api.executor.RelayedHeaders;
import app.wasmcloud.api.invocation.InvocationForwarder;
import app.wasmcloud.contract.InvocationOrigin;
import app.wasmcloud.contract.WasmcloudHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed attempt through the same path as a synchronous invoke and decides what follows: done, another
 * attempt after a backoff, or the dead-letter list; then the callback, once the request is over.
 */
@Component
class AttemptRunner {

    private static final Logger log = LoggerFactory.getLogger(AttemptRunner.class);

    private static final int MAX_ERROR_CHARS = 300;

    private final AsyncRequests requests;
    private final InvocationForwarder forwarder;
    private final Callbacks callbacks;
    private final AsyncMetrics metrics;
    private final Backoff backoff;
    private final Clock clock;

    AttemptRunner(
            AsyncRequests requests,
            InvocationForwarder forwarder,
            Callbacks callbacks,
            AsyncMetrics metrics,
            AsyncProperties properties,
            Clock clock) {
        this.requests = requests;
        this.forwarder = forwarder;
        this.callbacks = callbacks;
        this.metrics = metrics;
        this.backoff = new Backoff(
                properties.backoffBase(),
                properties.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.clock = clock;
    }

    void run(AsyncRequest claim) {
        Optional<Long> version = requests.activeVersionOf(claim.functionId());
        if (version.isEmpty()) {
            // Nothing to run, now or later: no retry can help.
            finishFailed(claim, null, null, "The function has been deleted or has no version", true);
            return;
        }
        ExecutorClient.Call call = new ExecutorClient.Call(
                claim.function(),
                claim.method(),
                claim.path(),
                claim.headers(),
                claim.body(),
                InvocationOrigin.attempt(claim.source(), claim.id(), claim.attempts()));
        HttpResponse<byte[]> reply;
        try {
            reply = forwarder.forward(claim.functionId(), version.get(), call);
        } catch (ExecutorUnavailableException e) {
            finishFailed(claim, e.invocationId().orElse(null), null, e.getMessage(), false);
            return;
        }
        UUID invocationId = reply.headers()
                .firstValue(WasmcloudHeaders.INVOCATION_ID)
                .flatMap(AttemptRunner::uuid)
                .orElse(null);
        if (failed(reply.statusCode())) {
            finishFailed(claim, invocationId, reply.statusCode(), describe(reply), false);
            return;
        }
        if (requests.succeed(
                claim, invocationId, reply.statusCode(), RelayedHeaders.of(reply), reply.body(), clock.instant())) {
            metrics.attempt("succeeded");
            callBack(claim.id());
        } else {
            metrics.attempt("superseded");
        }
    }

    /**
     * A trap, a timeout, a platform refusal or a 5xx the function chose: worth another try. Any other status is the
     * function's answer, kept as it is.
     */
    static boolean failed(int status) {
        return status >= 500 || status == 429;
    }

    private void finishFailed(AsyncRequest claim, UUID invocationId, Integer status, String error, boolean hopeless) {
        Instant now = clock.instant();
        boolean lastAttempt = hopeless || claim.countedAttempts() >= claim.maxAttempts();
        if (lastAttempt) {
            if (requests.deadLetter(claim, invocationId, status, error, now)) {
                metrics.attempt("dead_lettered");
                log.info(
                        "Background request {} of {} is a dead letter after {} attempts: {}",
                        claim.id(),
                        claim.function(),
                        claim.attempts(),
                        error);
                callBack(claim.id());
            }
        } else if (requests.retryAt(
                claim, invocationId, status, error, now.plus(backoff.after(claim.countedAttempts())))) {
            metrics.attempt("retried");
        }
    }

    private void callBack(UUID id) {
        requests.find(id).filter(request -> request.callbackUrl() != null).ifPresent(request -> {
            String result = callbacks.send(request);
            requests.recordCallback(id, result);
        });
    }

    private static String describe(HttpResponse<byte[]> reply) {
        String body = new String(reply.body(), StandardCharsets.UTF_8).strip();
        String firstLine = body.lines().findFirst().orElse("");
        if (firstLine.length() > MAX_ERROR_CHARS) {
            firstLine = firstLine.substring(0, MAX_ERROR_CHARS) + "…";
        }
        return "The attempt answered " + reply.statusCode() + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
