package app.wasmcloud.api.user;

public enum Role {
    ADMIN,
    USER;

    @jakarta.persistence.Converter(autoApply = true)
    static class Converter extends app.wasmcloud.api.web.LowercaseEnumConverter<Role> {
        Converter() {
            super(Role.class);
        }
    }
}
