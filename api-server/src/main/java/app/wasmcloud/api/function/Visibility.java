package app.wasmcloud.api.function;

import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.api.web.LowercaseEnumConverter;
import jakarta.persistence.Converter;

public enum Visibility {
    /** Served on the public run domain to anyone. */
    PUBLIC,
    /** Invoked only through the API by its owner. */
    PRIVATE;

    /** Parses the API's spelling; null or blank means the default, public. */
    static Visibility parse(String text) {
        if (text == null || text.isBlank()) {
            return PUBLIC;
        }
        return switch (text) {
            case "public" -> PUBLIC;
            case "private" -> PRIVATE;
            default -> throw ApiException.badRequest("Invalid visibility '" + text + "': use 'public' or 'private'.");
        };
    }

    @Converter(autoApply = true)
    static class VisibilityConverter extends LowercaseEnumConverter<Visibility> {
        VisibilityConverter() {
            super(Visibility.class);
        }
    }
}
