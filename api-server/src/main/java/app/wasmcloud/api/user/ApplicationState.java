package app.wasmcloud.api.user;

/** Where a user's application for a better tier stands. */
public enum ApplicationState {
    /** In the admins' queue. */
    PENDING,
    /** Granted: the user was moved into the application's tier. */
    APPROVED,
    /** Refused, with a message the user sees; they may apply again. */
    DECLINED;

    @jakarta.persistence.Converter(autoApply = true)
    static class Converter extends app.wasmcloud.api.web.LowercaseEnumConverter<ApplicationState> {
        Converter() {
            super(ApplicationState.class);
        }
    }
}
