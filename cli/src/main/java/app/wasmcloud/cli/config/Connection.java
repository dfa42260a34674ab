package app.wasmcloud.cli.config;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.ExitCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Which API to talk to and with which token, resolved once per command: flags, then `WASMCLOUD_API` /
 * `WASMCLOUD_TOKEN`, then the config file, then the default API.
 *
 * @param api the API base URL, without a trailing slash
 * @param token the bearer token, if any source provides one for this API
 * @param apiSource where the API URL came from, for `--verbose`
 * @param tokenSource where the token came from, for `--verbose`
 */
public record Connection(URI api, Optional<String> token, String apiSource, String tokenSource) {

    public static final String DEFAULT_API = "http://localhost:8080";

    /**
     * Resolves the connection. A stored token is used only for the API it was stored with, so `--api` pointed at
     * another server never sends it a token that belongs elsewhere.
     */
    public static Connection resolve(
            String apiFlag, String tokenFlag, String apiEnv, String tokenEnv, StoredConfig stored) {
        String api;
        String apiSource;
        if (apiFlag != null) {
            api = apiFlag;
            apiSource = "--api";
        } else if (apiEnv != null) {
            api = apiEnv;
            apiSource = "WASMCLOUD_API";
        } else if (stored.api() != null) {
            api = stored.api();
            apiSource = "config file";
        } else {
            api = DEFAULT_API;
            apiSource = "default";
        }
        URI uri = parseApi(api, apiSource);

        if (tokenFlag != null) {
            return new Connection(uri, Optional.of(tokenFlag), apiSource, "--token");
        }
        if (tokenEnv != null) {
            return new Connection(uri, Optional.of(tokenEnv), apiSource, "WASMCLOUD_TOKEN");
        }
        if (stored.token() != null
                && stored.api() != null
                && parseApi(stored.api(), "config file").equals(uri)) {
            return new Connection(uri, Optional.of(stored.token()), apiSource, "config file");
        }
        return new Connection(uri, Optional.empty(), apiSource, "none");
    }

    /** Parses an API base URL: http or https, a host, no query; a trailing slash is dropped. */
    public static URI parseApi(String text, String source) {
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!web || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw invalidApi(text, source);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalidApi(text, source);
        }
    }

    /** Whether the token would cross the network unencrypted: plain http to anything but this machine. */
    public boolean sendsTokenInClear() {
        String host = api.getHost();
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
        return token.isPresent() && "http".equals(api.getScheme()) && !loopback;
    }

    private static CliException invalidApi(String text, String source) {
        return new CliException(
                ExitCode.USAGE,
                "invalid API URL '" + text + "' (from " + source + "): expected http(s)://host[:port][/path]");
    }
}
