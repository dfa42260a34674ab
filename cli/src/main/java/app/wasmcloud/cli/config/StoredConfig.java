package app.wasmcloud.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What `wasmcloud login` remembers in the config file.
 *
 * @param api the API base URL the token belongs to
 * @param token the API token, or null when logged out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredConfig(String api, String token) {

    public static final StoredConfig EMPTY = new StoredConfig(null, null);

    public StoredConfig withoutToken() {
        return new StoredConfig(api, null);
    }
}
