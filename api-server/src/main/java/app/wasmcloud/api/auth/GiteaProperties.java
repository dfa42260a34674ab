package app.wasmcloud.api.auth;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Gitea instance users log in with. Login is enabled when {@code client-id} is set.
 *
 * @param baseUrl Gitea's root, e.g. {@code https://git.example.org}
 * @param clientId the OAuth2 application's client id (Gitea: Settings, Applications)
 * @param clientSecret its secret; from the environment, never committed
 */
@ConfigurationProperties("wasmcloud.gitea")
record GiteaProperties(URI baseUrl, String clientId, String clientSecret) {

    GiteaProperties {
        if (clientId != null && !clientId.isBlank() && (baseUrl == null || clientSecret == null)) {
            throw new IllegalArgumentException(
                    "wasmcloud.gitea.client-id is set, so wasmcloud.gitea.base-url and client-secret must be too");
        }
    }

    /** Gitea's own path under its root, whether or not the base URL ends with a slash. */
    String url(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
