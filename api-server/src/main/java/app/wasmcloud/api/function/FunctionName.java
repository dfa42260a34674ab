package app.wasmcloud.api.function;

import app.wasmcloud.api.web.ApiException;
import java.util.Set;
import java.util.regex.Pattern;

/** A function's name: a DNS label, since it is also the host name of its own origin on the run domain. */
public record FunctionName(String value) {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> RESERVED = Set.of(
            "api",
            "www",
            "run",
            "panel",
            "docs",
            "admin",
            "internal",
            "actuator",
            "login",
            "logout",
            "oauth2",
            "static",
            "assets",
            "health",
            "metrics",
            "status",
            "wasmcloud");

    public static FunctionName parse(String text) {
        if (text == null
                || text.length() < 2
                || text.length() > 63
                || !DNS_LABEL.matcher(text).matches()) {
            throw ApiException.badRequest("Invalid function name '" + (text == null ? "" : text)
                    + "': use 2-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit.");
        }
        if (RESERVED.contains(text)) {
            throw ApiException.badRequest("The function name '" + text + "' is reserved; choose another.");
        }
        return new FunctionName(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
