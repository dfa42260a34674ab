package app.wasmcloud.api.function;

public enum Visibility {
    /** Served on the public run domain to anyone. */
    PUBLIC,
    /** Invoked only through the API by its owner. */
    PRIVATE;

    @jakarta.persistence.Converter(autoApply = true)
    static class Converter extends app.wasmcloud.api.web.LowercaseEnumConverter<Visibility> {
        Converter() {
            super(Visibility.class);
        }
    }
}
