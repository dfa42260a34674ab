package app.wasmcloud.runtime;

/**
 * Whose invocation this is, for sharing the execution slots fairly: first between users, then between one user's
 * functions.
 *
 * @param user the owner's id
 * @param function the function's id
 */
public record Tenant(long user, long function) {
    /** The one tenant of a local run ({@code wasmcloud run}, {@code serve}, tests). */
    public static final Tenant LOCAL = new Tenant(0, 0);
}
