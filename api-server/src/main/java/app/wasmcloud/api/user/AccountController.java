package app.wasmcloud.api.user;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.tier.AccountTier;
import app.wasmcloud.api.tier.AccountTiers;
import app.wasmcloud.api.tier.ExamplesCatalog;
import app.wasmcloud.contract.api.AccountView;
import app.wasmcloud.contract.api.QuotasView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/account}: the caller's tier, quotas and application. Usage is {@code /api/account/usage}. */
@RestController
@Tag(name = "Account")
class AccountController {

    private final AccountService accounts;
    private final AccountTiers tiers;
    private final ExamplesCatalog catalog;

    AccountController(AccountService accounts, AccountTiers tiers, ExamplesCatalog catalog) {
        this.accounts = accounts;
        this.tiers = tiers;
        this.catalog = catalog;
    }

    record Application(
            @Schema(description = "What you want to build, for the admins.")
            String reason) {}

    @Operation(summary = "Your account", description = """
                    Any scope. Your tier, the quotas you run under, your latest application and what the examples
                    tier may deploy.""")
    @GetMapping("/api/account")
    AccountView account(CurrentUser caller) {
        caller.require(Scope.READ);
        AccountService.Account account = accounts.of(caller);
        AccountTier tier = tiers.of(caller.id());
        User user = account.user();
        return new AccountView(
                user.login(),
                user.role().name().toLowerCase(Locale.ROOT),
                user.status().name().toLowerCase(Locale.ROOT),
                tier.tier().label(),
                QuotasView.of(tier.quotas()),
                QuotasView.of(tier.overrides()),
                account.latestApplication().map(AccountController::view).orElse(null),
                catalog.examples().entrySet().stream()
                        .map(entry -> new AccountView.Example(entry.getValue(), entry.getKey()))
                        .sorted(Comparator.comparing(AccountView.Example::path))
                        .toList());
    }

    @Operation(summary = "Apply for a better tier", description = """
                    Needs the `read` scope. Puts you in the admins' queue with your reason; an admin approves you
                    into a tier or declines with a message, both shown on `GET /api/account`. 409 while an
                    application waits, or when you are on the full tier already.""")
    @PostMapping("/api/account/application")
    @ResponseStatus(HttpStatus.CREATED)
    AccountView.Application apply(CurrentUser caller, @RequestBody Application application) {
        caller.require(Scope.READ);
        return view(accounts.apply(caller, application.reason()));
    }

    private static AccountView.Application view(TierApplication application) {
        return new AccountView.Application(
                application.state().name().toLowerCase(Locale.ROOT),
                application.reason(),
                application.tier() == null ? null : application.tier().label(),
                application.message(),
                application.createdAt(),
                application.decidedAt());
    }
}
