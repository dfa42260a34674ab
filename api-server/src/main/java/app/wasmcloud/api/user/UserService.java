package app.wasmcloud.api.user;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionNotifier;
import app.wasmcloud.api.function.FunctionRepository;
import app.wasmcloud.api.web.ApiException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins do to accounts. A status change starts or stops every function of the user at once. */
@Service
class UserService {

    private final UserRepository users;
    private final FunctionRepository functions;
    private final FunctionNotifier notifier;

    UserService(UserRepository users, FunctionRepository functions, FunctionNotifier notifier) {
        this.users = users;
        this.functions = functions;
        this.notifier = notifier;
    }

    @Transactional(readOnly = true)
    List<User> list(CurrentUser admin, UserStatus status) {
        requireAdmin(admin);
        return status == null ? users.findAllByOrderByLogin() : users.findByStatusOrderByLogin(status);
    }

    @Transactional
    User approve(CurrentUser admin, String login) {
        return changeStatus(admin, login, UserStatus.ACTIVE);
    }

    @Transactional
    User suspend(CurrentUser admin, String login) {
        if (admin.login().equals(login)) {
            throw ApiException.conflict("You cannot suspend yourself; ask another admin.");
        }
        return changeStatus(admin, login, UserStatus.SUSPENDED);
    }

    private User changeStatus(CurrentUser admin, String login, UserStatus status) {
        requireAdmin(admin);
        User user = users.findByLogin(login)
                .orElseThrow(() -> ApiException.notFound("No user with the login '" + login + "'."));
        if (user.status() != status) {
            user.setStatus(status);
            // The executors serve only functions of active owners; each must re-read this owner's functions.
            for (FunctionEntity function : functions.findByOwnerIdAndDeletedAtIsNullOrderByName(user.id())) {
                notifier.changed(function.name());
            }
        }
        return users.saveAndFlush(user);
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only admins, with a token that has the 'admin' scope, may manage users.");
        }
    }
}
