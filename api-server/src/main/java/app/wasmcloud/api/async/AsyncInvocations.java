package app.wasmcloud.api.async;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.invocation.BackgroundInvoke;
import app.wasmcloud.api.invocation.InvokeRequest;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.InvocationSource;
import app.wasmcloud.contract.WasmcloudHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts background invocations and schedule slots into the queue, within its limits. The 202 is sent only once
 * the request is committed, so an accepted request survives any crash after it.
 */
@Component
public class AsyncInvocations implements BackgroundInvoke {

    private final AsyncRequests requests;
    private final AsyncViews views;
    private final AsyncProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AsyncInvocations(
            AsyncRequests requests,
            AsyncViews views,
            AsyncProperties properties,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.requests = requests;
        this.views = views;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ResponseEntity<?> accept(FunctionEntity function, HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > properties.maxBodyBytes()) {
            throw tooLarge();
        }
        InvokeRequest invoke;
        try {
            invoke = InvokeRequest.read(request, properties.maxBodyBytes());
        } catch (ApiException e) {
            throw e.status() == HttpStatus.CONTENT_TOO_LARGE ? tooLarge() : e;
        }
        String callback = request.getHeader(WasmcloudHeaders.CALLBACK);
        String callbackUrl = callback == null || callback.isBlank()
                ? null
                : Callbacks.checked(callback.strip(), function.egressAllowList());
        AsyncRequests.NewRequest stored = new AsyncRequests.NewRequest(
                function.id(),
                InvocationSource.ASYNC,
                invoke.target().method(),
                invoke.target().pathAndQuery(),
                invoke.headers(),
                invoke.body(),
                callbackUrl,
                maxAttemptsOf(function.id()));
        UUID id = transactions.execute(status -> {
            if (!roomFor(function.id())) {
                throw ApiException.tooManyRequests(
                        "The function '" + function.name() + "' has " + properties.maxQueuedPerFunction()
                                + " background requests waiting or running, the most allowed; retry later.",
                        properties.queueFullRetryAfter());
            }
            return requests.insert(stored, clock.instant());
        });
        AsyncViews.AsyncView view = views.of(requests.find(id).orElseThrow());
        return ResponseEntity.accepted()
                .location(URI.create(view.statusUrl()))
                .header(WasmcloudHeaders.INVOCATION_ID, id.toString())
                .body(view);
    }

    /**
     * Whether one more request of the function fits in the queue. Call inside a transaction: the lock makes
     * concurrent callers of one function count one after the other, so the limit holds exactly.
     */
    public boolean roomFor(long functionId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", functionId)
                .query((row, n) -> 1)
                .list();
        return requests.countWaiting(functionId) < properties.maxQueuedPerFunction();
    }

    /**
     * Sends a dead letter back to the queue with the function's attempts once more, within the queue limit;
     * returns whether it was still a dead letter.
     */
    boolean requeue(AsyncRequest letter, Instant now) {
        int more = maxAttemptsOf(letter.functionId());
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (!roomFor(letter.functionId())) {
                throw ApiException.tooManyRequests(
                        "The function '" + letter.function() + "' has " + properties.maxQueuedPerFunction()
                                + " background requests waiting or running, the most allowed; retry later.",
                        properties.queueFullRetryAfter());
            }
            return requests.requeue(letter.id(), more, now);
        }));
    }

    /** The function's own number of attempts, or the platform default. */
    public int maxAttemptsOf(long functionId) {
        return ownMaxAttemptsOf(functionId).orElse(properties.defaultMaxAttempts());
    }

    /** The function's own number of attempts, if it set one. */
    Optional<Integer> ownMaxAttemptsOf(long functionId) {
        return jdbc
                .sql("SELECT async_max_attempts FROM functions WHERE id = :id")
                .param("id", functionId)
                .query(Integer.class)
                .list()
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    private ApiException tooLarge() {
        return new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request too large",
                "A background invocation's body is stored until it has run, up to " + properties.maxBodyBytes()
                        + " bytes (wasmcloud.async.max-body); send a smaller body or invoke it synchronously.");
    }
}
