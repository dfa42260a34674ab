package app.wasmcloud.api.user;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionNotifier;
import app.wasmcloud.api.function.FunctionRepository;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.tier.TierProperties;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to accounts. A status change starts or stops every function of the user at once; a tier or quota
 * change reaches the executors at their next quota sync.
 */
@Service
class UserService {

    private final UserRepository users;
    private final FunctionRepository functions;
    private final FunctionNotifier notifier;
    private final TierApplicationRepository applications;
    private final TierProperties tiers;
    private final Clock clock;

    UserService(
            UserRepository users,
            FunctionRepository functions,
            FunctionNotifier notifier,
            TierApplicationRepository applications,
            TierProperties tiers,
            Clock clock) {
        this.users = users;
        this.functions = functions;
        this.notifier = notifier;
        this.applications = applications;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<User> list(CurrentUser admin, UserStatus status) {
        requireAdmin(admin);
        if (status == UserStatus.PENDING) {
            return users.findWaiting();
        }
        return status == null ? users.findAllByOrderByLogin() : users.findByStatusOrderByLogin(status);
    }

    /** The user's application waiting in the queue, if any, for the admins' list. */
    @Transactional(readOnly = true)
    Optional<TierApplication> waitingApplication(User user) {
        return applications.findByUserIdAndState(user.id(), ApplicationState.PENDING);
    }

    /**
     * Makes the user active: approves a pending signup, grants an application, or lifts a suspension. A signup or an
     * application moves the user into {@code tier}, or {@code wasmcloud.tiers.approval-signup} when none is named;
     * lifting a suspension keeps the tier unless one is named.
     */
    @Transactional
    User approve(CurrentUser admin, String login, Tier tier) {
        User user = find(admin, login);
        Optional<TierApplication> application = applications.findByUserIdAndState(user.id(), ApplicationState.PENDING);
        boolean granting = application.isPresent() || user.status() == UserStatus.PENDING;
        Tier granted = tier != null ? tier : granting ? tiers.approvalSignup() : user.tier();
        user.moveTo(granted);
        application.ifPresent(waiting -> waiting.approve(granted, admin.login(), clock.instant()));
        return changeStatus(user, UserStatus.ACTIVE);
    }

    /** Answers the user's waiting application with no; they see the message and may apply again. */
    @Transactional
    User decline(CurrentUser admin, String login, String message) {
        User user = find(admin, login);
        if (message == null || message.isBlank() || message.length() > 1000) {
            throw ApiException.badRequest("Say why in a message of 1 to 1000 characters; the user sees it.");
        }
        TierApplication application = applications
                .findByUserIdAndState(user.id(), ApplicationState.PENDING)
                .orElseThrow(() -> ApiException.conflict(login + " has no application waiting."));
        application.decline(message.strip(), admin.login(), clock.instant());
        return user;
    }

    /** Replaces the user's quota overrides; a null field goes back to the tier's number. */
    @Transactional
    User overrideQuotas(CurrentUser admin, String login, TierQuotas overrides) {
        User user = find(admin, login);
        user.overrideQuotas(overrides);
        return users.saveAndFlush(user);
    }

    @Transactional
    User suspend(CurrentUser admin, String login) {
        if (admin.login().equals(login)) {
            throw ApiException.conflict("You cannot suspend yourself; ask another admin.");
        }
        return changeStatus(find(admin, login), UserStatus.SUSPENDED);
    }

    private User find(CurrentUser admin, String login) {
        requireAdmin(admin);
        return users.findByLogin(login)
                .orElseThrow(() -> ApiException.notFound("No user with the login '" + login + "'."));
    }

    private User changeStatus(User user, UserStatus status) {
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
