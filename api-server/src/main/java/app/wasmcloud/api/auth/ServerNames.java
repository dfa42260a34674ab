package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The host names this server answers to, for the pages a DNS rebinding attack would aim at: a page served from
 * {@code evil.example} that resolves to 127.0.0.1 reaches a loopback server with {@code Host: evil.example}, so being
 * on loopback says nothing about which site the browser thinks it is talking to. The {@code Host} (or a trusted
 * proxy's {@code X-Forwarded-Host}) must be a loopback name or one of {@code wasmcloud.auth.server-names}.
 */
@Component
class ServerNames {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final Set<String> configured;

    ServerNames(AuthProperties properties) {
        this.configured =
                properties.serverNames().stream().map(ServerNames::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the request names this server as a loopback name or a configured server name. */
    boolean accepts(HttpServletRequest request) {
        String host = normalise(request.getServerName());
        return LOOPBACK.contains(host) || host.endsWith(".localhost") || configured.contains(host);
    }

    /** Whether server names were configured, so that every consent page (not only dev mode's) is checked. */
    boolean configured() {
        return !configured.isEmpty();
    }

    private static String normalise(String host) {
        String lower = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
