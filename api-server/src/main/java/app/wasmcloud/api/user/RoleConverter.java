package app.wasmcloud.api.user;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.web.LowercaseEnumConverter;
import jakarta.persistence.Converter;

/** {@code users.role} holds the role's lower-case name. */
@Converter(autoApply = true)
class RoleConverter extends LowercaseEnumConverter<Role> {
    RoleConverter() {
        super(Role.class);
    }
}
