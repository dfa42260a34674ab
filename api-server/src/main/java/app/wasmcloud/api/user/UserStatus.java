package app.wasmcloud.api.user;

public enum UserStatus {
    /** Signed up while signups need approval; may log in and see that, nothing else. */
    PENDING,
    ACTIVE,
    /** Tokens and functions stop working at once. */
    SUSPENDED;

    @jakarta.persistence.Converter(autoApply = true)
    static class Converter extends app.wasmcloud.api.web.LowercaseEnumConverter<UserStatus> {
        Converter() {
            super(UserStatus.class);
        }
    }
}
