package app.wasmcloud.cli.token;

import java.util.List;

/**
 * An API token as `GET /api/tokens` lists it (never its secret part); also the `--output json` shape of `tokens
 * list`. Revoked tokens are not listed.
 *
 * @param id the token's id, for `tokens revoke`
 * @param name what it is for
 * @param scopes what it may do: read, deploy, invoke, admin
 * @param createdAt when it was created (ISO-8601)
 * @param expiresAt when it stops working, or null for never
 * @param lastUsedAt when it was last used, or null for never
 */
record TokenView(String id, String name, List<String> scopes, String createdAt, String expiresAt, String lastUsedAt) {}
