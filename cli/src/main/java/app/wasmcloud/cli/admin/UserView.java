package app.wasmcloud.cli.admin;

/**
 * A user as the admin endpoints describe one; also the `--output json` shape of `admin users|approve|suspend`.
 *
 * @param login the user's login name
 * @param giteaId their Gitea account's id, or null for a local user
 * @param role admin or user
 * @param status pending, active or suspended
 * @param createdAt when they first logged in (ISO-8601)
 */
record UserView(String login, Long giteaId, String role, String status, String createdAt) {}
