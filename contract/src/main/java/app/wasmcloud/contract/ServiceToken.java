package app.wasmcloud.contract;

import java.time.Duration;

/**
 * The token the api-server signs for each call to the executor's internal endpoint: an HMAC-signed JWT from
 * {@link #SUBJECT} for {@link #AUDIENCE}, valid for {@link #LIFETIME} at the most. The api-server mints it and the
 * executor verifies it, each with the key both are given.
 */
public final class ServiceToken {

    /** Who signs it. */
    public static final String SUBJECT = "api-server";

    /** Who accepts it; the executor refuses a token for anyone else. */
    public static final String AUDIENCE = "executor";

    /** How long a token is valid; the executor refuses one that claims to be valid for longer. */
    public static final Duration LIFETIME = Duration.ofSeconds(60);

    private ServiceToken() {}
}
