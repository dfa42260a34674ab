package app.wasmcloud.api.executor;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers of an executor's reply that the API passes on, to its caller or into a stored answer: all but the
 * framing, which the API's own server redoes, and cookies, which must never land on the API's (the panel's) origin
 * nor outlive the function's own domain.
 */
public final class RelayedHeaders {

    private static final Set<String> DROPPED =
            Set.of("connection", "content-length", "transfer-encoding", "keep-alive", ":status", "set-cookie");

    private RelayedHeaders() {}

    /** The reply's headers in their order, less the dropped ones. */
    public static Map<String, List<String>> of(HttpResponse<?> reply) {
        Map<String, List<String>> relayed = new LinkedHashMap<>();
        reply.headers().map().forEach((name, values) -> {
            if (!DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
                relayed.put(name, values);
            }
        });
        return relayed;
    }
}
