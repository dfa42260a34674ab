package app.wasmcloud.api.user;

import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.web.LowercaseEnumConverter;
import jakarta.persistence.Converter;

/** {@code users.status} holds the status's lower-case name. */
@Converter(autoApply = true)
class UserStatusConverter extends LowercaseEnumConverter<UserStatus> {
    UserStatusConverter() {
        super(UserStatus.class);
    }
}
