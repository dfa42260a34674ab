package app.wasmcloud.api.auth;

import app.wasmcloud.api.token.Scope;
import app.wasmcloud.api.user.Role;
import app.wasmcloud.api.user.UserStatus;
import app.wasmcloud.api.web.ApiException;
import java.util.Set;

/** The authenticated caller of one request, as a controller parameter. */
public record CurrentUser(long id, String login, Role role, UserStatus status, Set<Scope> scopes) {

    public boolean isAdmin() {
        return role == Role.ADMIN && scopes.contains(Scope.ADMIN);
    }

    /** Refuses the request unless the caller's token carries the scope. */
    public void require(Scope scope) {
        if (status != UserStatus.ACTIVE) {
            throw ApiException.forbidden("Your account is " + status.name().toLowerCase(java.util.Locale.ROOT)
                    + "; an admin must approve it before you can use the API.");
        }
        if (!scopes.contains(scope)) {
            throw ApiException.forbidden("This token lacks the '" + scope.wireName() + "' scope.");
        }
    }
}
