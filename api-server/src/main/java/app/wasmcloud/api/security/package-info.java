/**
 * Who is calling: the authenticated {@link app.wasmcloud.api.security.CurrentUser}, the scopes a token carries, a
 * user's role and status, and the settings that say how callers prove who they are. Every feature asks these
 * questions, so this package depends on nothing else in the api-server; login and tokens live in {@code auth} and
 * {@code token}, which depend on it.
 */
package app.wasmcloud.api.security;
