package app.wasmcloud.api.security;

import java.util.Locale;

/** What an API token may do. A token carries a subset; the panel's session has all of its user's. */
public enum Scope {
    READ,
    DEPLOY,
    INVOKE,
    ADMIN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope parse(String text) {
        for (Scope scope : values()) {
            if (scope.wireName().equals(text)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "' (allowed: read, deploy, invoke, admin)");
    }
}
