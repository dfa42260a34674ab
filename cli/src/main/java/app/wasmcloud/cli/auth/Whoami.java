package app.wasmcloud.cli.auth;

/**
 * The account a token belongs to, as `GET /api/whoami` answers.
 *
 * @param login the user's login name
 * @param role admin or user
 * @param status pending, active or suspended
 */
public record Whoami(String login, String role, String status) {}
