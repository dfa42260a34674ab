package app.wasmcloud.contract;

import java.util.Optional;
import java.util.UUID;

/**
 * Where an invocation came from, as its record keeps it: the door, and for a background request the request it is an
 * attempt of and the attempt's number. The api-server sends the last two in {@link WasmcloudHeaders#SOURCE},
 * {@link WasmcloudHeaders#ASYNC_REQUEST} and {@link WasmcloudHeaders#ATTEMPT}; the executor records them.
 *
 * @param source the door
 * @param asyncRequestId the background request, or null for a run or a synchronous API invocation
 * @param attempt the attempt's number from 1, or null when there is no request
 */
public record InvocationOrigin(InvocationSource source, UUID asyncRequestId, Integer attempt) {

    public InvocationOrigin {
        if (source.isBackground() != (asyncRequestId != null) || (asyncRequestId != null) != (attempt != null)) {
            throw new IllegalArgumentException("a background invocation, and only one, names its request and attempt");
        }
        if (attempt != null && attempt < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1");
        }
    }

    /** A run or a synchronous API invocation. */
    public static InvocationOrigin of(InvocationSource source) {
        return new InvocationOrigin(source, null, null);
    }

    /** Attempt {@code attempt} of the background request {@code requestId}. */
    public static InvocationOrigin attempt(InvocationSource source, UUID requestId, int attempt) {
        return new InvocationOrigin(source, requestId, attempt);
    }

    /**
     * The origin an internal invocation's headers describe: none of the three headers is a synchronous API call; all
     * three a background attempt. Throws {@link IllegalArgumentException} that says what is wrong.
     */
    public static InvocationOrigin fromHeaders(String source, String requestId, String attempt) {
        if (source == null && requestId == null && attempt == null) {
            return of(InvocationSource.API);
        }
        InvocationSource door = Optional.ofNullable(source)
                .flatMap(InvocationOrigin::background)
                .orElseThrow(
                        () -> new IllegalArgumentException(WasmcloudHeaders.SOURCE + " must be async or schedule"));
        try {
            return attempt(door, UUID.fromString(String.valueOf(requestId)), Integer.parseInt(String.valueOf(attempt)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(WasmcloudHeaders.ASYNC_REQUEST + " must be a UUID and "
                    + WasmcloudHeaders.ATTEMPT + " a number from 1");
        }
    }

    private static Optional<InvocationSource> background(String label) {
        for (InvocationSource candidate : InvocationSource.values()) {
            if (candidate.isBackground() && candidate.label().equals(label)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
