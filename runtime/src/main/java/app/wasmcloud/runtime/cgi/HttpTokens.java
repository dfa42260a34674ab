package app.wasmcloud.runtime.cgi;

import java.util.Locale;
import java.util.Set;

/** HTTP grammar both directions of the CGI codec need (RFC 9110 tokens, hop-by-hop fields). */
final class HttpTokens {

    /** Fields that describe one connection, not the message: never forwarded either way (RFC 9110 §7.6.1). */
    static final Set<String> HOP_BY_HOP =
            Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private HttpTokens() {}

    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
