package app.wasmcloud.api.user;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.Tier;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What users do to their own account: see it, and apply for more than the examples. */
@Service
class AccountService {

    private final UserRepository users;
    private final TierApplicationRepository applications;

    AccountService(UserRepository users, TierApplicationRepository applications) {
        this.users = users;
        this.applications = applications;
    }

    record Account(User user, Optional<TierApplication> latestApplication) {}

    @Transactional(readOnly = true)
    Account of(CurrentUser caller) {
        User user = users.findById(caller.id()).orElseThrow();
        return new Account(user, applications.findFirstByUserIdOrderByCreatedAtDescIdDesc(user.id()));
    }

    /** Puts the caller in the admins' queue with their reason; one application waits at a time. */
    @Transactional
    TierApplication apply(CurrentUser caller, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw ApiException.badRequest(
                    "Say in 1 to 2000 characters what you want to build; the admins read it when they decide.");
        }
        User user = users.findById(caller.id()).orElseThrow();
        if (user.tier() == Tier.FULL) {
            throw ApiException.conflict("Your account is on the full tier already; there is nothing to apply for.");
        }
        if (applications
                .findByUserIdAndState(user.id(), ApplicationState.PENDING)
                .isPresent()) {
            throw ApiException.conflict(
                    "Your application is already waiting for an admin; you will see the answer" + " on your account.");
        }
        return applications.saveAndFlush(new TierApplication(user.id(), text));
    }
}
