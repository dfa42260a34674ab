package app.wasmcloud.api.security;

public enum UserStatus {
    /** Signed up while signups need approval; may log in and see that, nothing else. */
    PENDING,
    ACTIVE,
    /** Tokens and functions stop working at once. */
    SUSPENDED
}
