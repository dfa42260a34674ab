package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.tier.TierProperties;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns a Gitea identity into a Wasmcloud user, following the signup mode. */
@Component
class GiteaLogin {

    /** Why a Gitea user may not log in; the panel shows it from {@code ?login-error=<code>}. */
    enum Refusal {
        SIGNUPS_CLOSED("signups-closed"),
        SUSPENDED("suspended"),
        LOGIN_TAKEN("login-taken");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    static final class RefusedException extends RuntimeException {
        final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.code);
            this.refusal = refusal;
        }
    }

    private final UserRepository users;
    private final SignupProperties properties;
    private final TierProperties tiers;

    GiteaLogin(UserRepository users, SignupProperties properties, TierProperties tiers) {
        this.users = users;
        this.properties = properties;
        this.tiers = tiers;
    }

    @Transactional
    User login(long giteaId, String login) {
        boolean admin = properties.admins().contains(login);
        Optional<User> known = users.findByGiteaId(giteaId);
        if (known.isEmpty()) {
            Optional<User> sameLogin = users.findByLogin(login);
            // An account the operator made by login (no Gitea id yet) is claimed only by a configured admin, so a
            // newcomer cannot take over an existing account by choosing its login in Gitea.
            if (sameLogin.isPresent() && !(admin && sameLogin.get().giteaId() == null)) {
                throw new RefusedException(Refusal.LOGIN_TAKEN);
            }
            known = sameLogin;
        }
        User user = known.orElseGet(() -> {
            UserStatus status = properties
                    .signup()
                    .statusOfNewUser(admin)
                    .orElseThrow(() -> new RefusedException(Refusal.SIGNUPS_CLOSED));
            return new User(
                    login,
                    admin ? Role.ADMIN : Role.USER,
                    status,
                    properties.signup().tierOfNewUser(admin, tiers));
        });
        // Renamed in Gitea: follow the new login unless another account already has it.
        if (!login.equals(user.login()) && users.findByLogin(login).isPresent()) {
            throw new RefusedException(Refusal.LOGIN_TAKEN);
        }
        user.linkGitea(giteaId, login);
        if (admin) {
            user.activateAsAdmin();
        }
        if (user.status() == UserStatus.SUSPENDED) {
            throw new RefusedException(Refusal.SUSPENDED);
        }
        return users.saveAndFlush(user);
    }
}
