package app.wasmcloud.cli.token;

import java.util.List;

/**
 * A new API token as `POST /api/tokens` answers; also the `--output json` shape of `tokens create`.
 *
 * @param id the token's id
 * @param name what it is for
 * @param scopes what it may do
 * @param expiresAt when it stops working, or null for never
 * @param token the token itself, shown only this once
 */
record CreatedToken(String id, String name, List<String> scopes, String expiresAt, String token) {}
