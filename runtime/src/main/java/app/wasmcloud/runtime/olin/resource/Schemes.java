package app.wasmcloud.runtime.olin.resource;

import app.wasmcloud.runtime.internal.GuestLog;
import app.wasmcloud.runtime.internal.HostCallCounter;
import app.wasmcloud.runtime.olin.CpuSlot;
import app.wasmcloud.runtime.olin.OlinError;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns a URL given to {@code resource_open} into a resource, or the error code the guest gets instead. */
public final class Schemes {

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    /** What opening a URL gave: a resource, or (when it is null) an error code. */
    public record Opened(OlinResource resource, OlinError error) {
        static Opened of(OlinResource resource) {
            return new Opened(resource, null);
        }

        static Opened failed(OlinError error) {
            return new Opened(null, error);
        }
    }

    /** The host-call name under which HTTP resources opened are counted: the invocation's outbound requests. */
    public static final String OUTBOUND_REQUESTS = "http_request";

    private final GuestLog log;
    private final EgressPolicy egress;
    private final CpuSlot slot;
    private final boolean replaying;
    private final HostCallCounter hostCalls;
    private int httpOpened;

    /** @param slot the invocation's execution slot, which an outbound request gives back while it waits */
    public Schemes(GuestLog log, EgressPolicy egress, CpuSlot slot) {
        this(log, egress, slot, false, new HostCallCounter());
    }

    /**
     * @param replaying whether HTTP resources are stand-ins whose reads and flushes a recording answers
     * @param hostCalls the invocation's host-call counts, where each outbound request is counted too
     */
    public Schemes(GuestLog log, EgressPolicy egress, CpuSlot slot, boolean replaying, HostCallCounter hostCalls) {
        this.log = log;
        this.egress = egress;
        this.slot = slot;
        this.replaying = replaying;
        this.hostCalls = hostCalls;
    }

    public Opened open(String url) {
        int separator = url.indexOf("://");
        if (separator <= 0 || !SCHEME.matcher(url.substring(0, separator)).matches() || hasControlOrSpace(url)) {
            return Opened.failed(OlinError.INVALID_ARGUMENT);
        }
        String scheme = url.substring(0, separator).toLowerCase(Locale.ROOT);
        String rest = url.substring(separator + 3);
        return switch (scheme) {
            case "null" -> Opened.of(new NullResource());
            case "zero" -> Opened.of(new ZeroResource());
            case "random" -> Opened.of(new RandomResource());
            case "log" -> openLog(rest);
            case "http", "https" -> openHttp(url);
            // file://, tcp:// and udp:// were in the old spec but never implemented by anyone.
            default -> Opened.failed(OlinError.NOT_FOUND);
        };
    }

    private Opened openLog(String rest) {
        int query = rest.indexOf('?');
        if (query < 0) {
            return Opened.of(new LogResource(log, null));
        }
        String prefix = null;
        for (String pair : rest.substring(query + 1).split("&")) {
            if (pair.startsWith("prefix=")) {
                try {
                    prefix = URLDecoder.decode(pair.substring("prefix=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return Opened.failed(OlinError.INVALID_ARGUMENT);
                }
            }
        }
        return Opened.of(new LogResource(log, prefix));
    }

    /**
     * Refused at open (not later at flush) when the host is not allowed or the invocation has used up its requests;
     * the address is checked again after DNS when the request is sent.
     */
    private Opened openHttp(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Opened.failed(OlinError.INVALID_ARGUMENT);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return Opened.failed(OlinError.INVALID_ARGUMENT);
        }
        if (replaying) {
            // The recording answers what the network did, including a refusal here; the replay never connects.
            return Opened.of(new ReplayedHttpResource());
        }
        if (!egress.allowsHost(uri.getHost()) || httpOpened >= egress.maxRequests()) {
            return Opened.failed(OlinError.PERMISSION_DENIED);
        }
        httpOpened++;
        // Each HTTP resource is one outbound request; counted with the host calls so the invocation record, and the
        // owner's metered usage rolled up from it, can say how many the guest made (a replay makes none).
        hostCalls.count(OUTBOUND_REQUESTS);
        return Opened.of(new HttpResource(uri, egress, log, slot));
    }

    private static boolean hasControlOrSpace(String url) {
        return url.chars().anyMatch(c -> c <= ' ' || c == 0x7f);
    }
}
