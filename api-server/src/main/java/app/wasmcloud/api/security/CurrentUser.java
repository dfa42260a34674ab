package app.wasmcloud.api.security;

import java.util.Locale;
import java.util.Set;

/** The authenticated caller of one request, as a controller parameter. */
public record CurrentUser(long id, String login, Role role, UserStatus status, Set<Scope> scopes) {

    public boolean isAdmin() {
        return role == Role.ADMIN && scopes.contains(Scope.ADMIN);
    }

    /** Refuses the request unless the caller's account is active and its token carries the scope. */
    public void require(Scope scope) {
        if (status != UserStatus.ACTIVE) {
            throw new AccessRefusedException("Your account is " + status.name().toLowerCase(Locale.ROOT)
                    + "; an admin must approve it before you can use the API.");
        }
        if (!scopes.contains(scope)) {
            throw new AccessRefusedException("This token lacks the '" + scope.wireName() + "' scope.");
        }
    }
}
