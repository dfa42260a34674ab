package app.wasmcloud.runtime.cgi;

import app.wasmcloud.runtime.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a function may not say about itself (cgi.md, "Function → response"): cookies stay within its own origin, and
 * {@code Date} and {@code Server} are the platform's. Each dropped cookie is noted, so the owner finds it in the
 * invocation record instead of wondering why the browser never stored it. A {@code Content-Type} with a charset is
 * spelled the one way every server writes it ({@link CharsetContentType}).
 */
final class ReplyHeaderRules {

    /** The level the notes are logged at: a warning (olin-abi.md's levels). */
    static final int NOTE_LEVEL = 3;

    private ReplyHeaderRules() {}

    record Applied(List<Header> headers, List<LogLine> notes) {}

    /**
     * @param ownOrigin whether the function answers on its own host-style origin; on the shared path-style origin
     *     every {@code Set-Cookie} would reach every other function, so all are dropped
     * @param host the function's own host name, the widest {@code Domain} its cookies may name
     */
    static Applied apply(List<Header> headers, boolean ownOrigin, String host) {
        List<Header> kept = new ArrayList<>(headers.size());
        List<LogLine> notes = new ArrayList<>();
        for (Header header : headers) {
            String name = HttpTokens.lower(header.name());
            if (name.equals("date") || name.equals("server")) {
                continue;
            }
            if (name.equals("set-cookie")) {
                String why = ownOrigin ? widerDomain(header.value(), host) : "path-style URLs share one origin";
                if (why != null) {
                    notes.add(new LogLine(
                            NOTE_LEVEL,
                            "platform: dropped Set-Cookie " + cookieName(header.value()) + " (" + why + ")"));
                    continue;
                }
            }
            kept.add(
                    name.equals("content-type")
                            ? new Header(header.name(), CharsetContentType.canonical(header.value()))
                            : header);
        }
        return new Applied(List.copyOf(kept), List.copyOf(notes));
    }

    /** Why the cookie's {@code Domain} is not allowed, or null when it has none or names the function's own host. */
    private static String widerDomain(String setCookie, String host) {
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip();
            int equals = attribute.indexOf('=');
            String attributeName =
                    equals < 0 ? attribute : attribute.substring(0, equals).strip();
            if (!attributeName.equalsIgnoreCase("domain")) {
                continue;
            }
            String domain =
                    equals < 0 ? "" : attribute.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith(".")) {
                domain = domain.substring(1);
            }
            if (!domain.equals(host.toLowerCase(Locale.ROOT))) {
                return "Domain=" + domain + " is not the function's own host " + host;
            }
        }
        return null;
    }

    private static String cookieName(String setCookie) {
        int equals = setCookie.indexOf('=');
        String name = (equals < 0 ? setCookie : setCookie.substring(0, equals)).strip();
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
