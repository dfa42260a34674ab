package app.wasmcloud.api.auth;

import app.wasmcloud.api.auth.LoginMetrics.Method;
import app.wasmcloud.api.auth.LoginMetrics.Result;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.token.ApiTokenService;
import app.wasmcloud.api.token.ApiTokenService.IssuedToken;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import app.wasmcloud.api.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code wasmcloud login}, server side (RFC 8252's loopback redirect). The CLI listens on
 * {@code http://127.0.0.1:<port>/callback} and opens the browser on {@code GET /login/cli?port=<port>&state=<state>};
 * once the browser is logged in (its session cookie, Gitea, or dev mode's local admin) the user is asked to approve,
 * and only then is the browser sent to the listener with a one-time code and the CLI's state. The CLI then trades the code for an API token with
 * {@code POST /api/cli/tokens}, so the token itself never travels in a URL.
 */
@RestController
@Tag(name = "Login")
class CliLoginController {

    static final Duration TOKEN_LIFETIME = Duration.ofDays(90);
    static final String INVALID_CODE = "The login code is invalid or has expired; run `wasmcloud login` again.";
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern PORT = Pattern.compile("[0-9]{4,5}");
    private static final int MAX_NAME_LENGTH = 100;

    private final CliLoginCodes codes;
    private final BrowserSessions sessions;
    private final ObjectProvider<DevAdmin> devAdmin;
    private final ObjectProvider<ClientRegistrationRepository> giteaLogin;
    private final UserRepository users;
    private final ApiTokenService tokens;
    private final LoginMetrics metrics;
    private final CliConsentTokens consentTokens;
    private final LoginPages pages;
    private final ServerNames serverNames;
    private final Clock clock;

    CliLoginController(
            CliLoginCodes codes,
            BrowserSessions sessions,
            ObjectProvider<DevAdmin> devAdmin,
            ObjectProvider<ClientRegistrationRepository> giteaLogin,
            UserRepository users,
            ApiTokenService tokens,
            LoginMetrics metrics,
            CliConsentTokens consentTokens,
            LoginPages pages,
            ServerNames serverNames,
            Clock clock) {
        this.codes = codes;
        this.sessions = sessions;
        this.devAdmin = devAdmin;
        this.giteaLogin = giteaLogin;
        this.users = users;
        this.tokens = tokens;
        this.metrics = metrics;
        this.consentTokens = consentTokens;
        this.pages = pages;
        this.serverNames = serverNames;
        this.clock = clock;
    }

    /**
     * The browser's first step. Who is logging in, in order: the browser's session; in dev mode, the local admin
     * (only for a browser on this machine); else Gitea, which brings the browser back here once it is logged in. The
     * user then sees a consent page; nothing is issued until they approve it.
     */
    @Operation(summary = "Start the CLI login in a browser (shows a consent page)", description = """
                    The browser half of `wasmcloud login`. The server finds out who is logging in, in this order:
                    the browser's session cookie; in dev mode, the local admin, for a browser on the same machine;
                    otherwise it sends the browser through the Gitea login and back here. It then shows a consent
                    page, "Authorize the wasmcloud CLI on this host?", naming the account, the port the CLI waits on
                    and what the token will be able to do, with **Approve** and **Cancel** buttons. Nothing is
                    issued until the user approves, so a link planted elsewhere cannot mint a token silently. The
                    page cannot be framed (`X-Frame-Options: DENY`, `frame-ancestors 'none'`).

                    A malformed link gives 400, a pending or suspended account 403, and a server with neither Gitea
                    nor dev login 503. A browser (one that accepts `text/html`) gets these as a short page; anything
                    else gets a problem document.""")
    @GetMapping("/login/cli")
    ResponseEntity<?> start(
            @Parameter(description = "The port (1024 to 65535) on which the CLI listens on 127.0.0.1.")
                    @RequestParam(required = false)
                    String port,
            @Parameter(description = "16 to 128 characters of A-Z a-z 0-9 _ - chosen by the CLI, echoed to it.")
                    @RequestParam(required = false)
                    String state,
            HttpServletRequest request) {
        Identified identified = admit(port, state, request);
        if (identified.refusal() != null) {
            return identified.refusal();
        }
        if (identified.user() == null) {
            if (giteaLogin.getIfAvailable() == null) {
                return noBrowserLogin(request);
            }
            // Built from the validated values, so the way back can only lead here.
            String returnTo = "/login/cli?port=" + port + "&state=" + state;
            return ResponseEntity.status(HttpStatus.FOUND)
                    .location(URI.create("/oauth2/authorization/" + GiteaLoginConfiguration.REGISTRATION + "?"
                            + ReturnTo.PARAMETER + "=" + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)))
                    .cacheControl(CacheControl.noStore())
                    .build();
        }
        return consentPage(identified.user(), port, state, request);
    }

    /**
     * The browser's second step, the consent form's submission: approving sends the browser to the CLI's listener
     * with a one-time code; cancelling sends it there with {@code error=access_denied}, so the CLI stops waiting.
     */
    @Operation(summary = "Approve or cancel the CLI login (the consent form)", description = """
                    The consent page's form (`application/x-www-form-urlencoded`): `port`, `state`, `consent` and
                    `decision` (`approve` or `cancel`). `consent` is a signed value the page carries, bound to the
                    account it was shown to, the port and the state, and good for 10 minutes: it is the form's CSRF
                    protection, since another site can neither read it nor make one. The same browser identity must
                    submit it (its session, or in dev mode the local browser).

                    Approving redirects (303) the browser to `http://127.0.0.1:PORT/callback?code=CODE&state=STATE`;
                    the code is good once, for 2 minutes. Cancelling redirects to
                    `.../callback?error=access_denied&state=STATE`, so the CLI stops waiting. A missing, tampered,
                    expired or someone else's `consent` gives 403 and issues nothing.""")
    @PostMapping(path = "/login/cli", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> decide(
            @Parameter(description = "The CLI's port, as in the link.") @RequestParam(required = false) String port,
            @Parameter(description = "The CLI's state, as in the link.") @RequestParam(required = false) String state,
            @Parameter(description = "The signed value the consent page carries.") @RequestParam(required = false)
                    String consent,
            @Parameter(description = "approve or cancel.") @RequestParam(required = false) String decision,
            HttpServletRequest request) {
        Identified identified = admit(port, state, request);
        if (identified.refusal() != null) {
            return identified.refusal();
        }
        if (identified.user() == null
                || !consentTokens.isValid(consent, identified.user().id(), port, state)) {
            metrics.login(Method.CLI, Result.FAILED);
            return page(
                    request,
                    HttpStatus.FORBIDDEN,
                    "Approval not accepted",
                    "This approval did not come from a consent page shown to you in the last "
                            + CliConsentTokens.LIFETIME.toMinutes()
                            + " minutes, so nothing was issued. Run `wasmcloud login` again.");
        }
        String callback = "http://127.0.0.1:" + port + "/callback?";
        String location;
        if ("approve".equals(decision)) {
            location = callback + "code=" + codes.issue(identified.user().id()) + "&state=" + state;
        } else if ("cancel".equals(decision)) {
            location = callback + "error=access_denied&state=" + state;
        } else {
            return page(
                    request,
                    HttpStatus.BAD_REQUEST,
                    "Unknown choice",
                    "The consent form's decision must be 'approve' or 'cancel'. Run `wasmcloud login` again.");
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create(location))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    /** Who the browser is: a user, nobody yet (null user), or someone who may not log in (a refusal page). */
    private record Identified(CurrentUser user, ResponseEntity<?> refusal) {}

    /** Both steps' start: parameters the CLI could have sent, then who is asking. */
    private Identified admit(String port, String state, HttpServletRequest request) {
        if (isMalformed(port, state)) {
            return new Identified(null, malformed(request));
        }
        // A rebound name reaches dev mode from this machine's own browser, which dev mode would log in as its admin.
        boolean localDev = devAdmin.getIfAvailable() != null && DevAdmin.isLocal(request);
        if ((localDev || serverNames.configured()) && !serverNames.accepts(request)) {
            metrics.login(Method.CLI, Result.REFUSED);
            return new Identified(null, unknownHost(request));
        }
        return identify(request);
    }

    private Identified identify(HttpServletRequest request) {
        Optional<BrowserSessions.Session> session = sessions.find(request);
        if (session.isPresent()) {
            CurrentUser user = session.get().user();
            if (user.status() != UserStatus.ACTIVE) {
                metrics.login(Method.CLI, Result.REFUSED);
                return new Identified(
                        null,
                        page(
                                request,
                                HttpStatus.FORBIDDEN,
                                "Account " + user.status().name().toLowerCase(Locale.ROOT),
                                "Your account '" + user.login() + "' is "
                                        + user.status().name().toLowerCase(Locale.ROOT)
                                        + "; an admin must approve it before the CLI can log in. No token was"
                                        + " issued."));
            }
            return new Identified(user, null);
        }
        if (devAdmin.getIfAvailable() != null && DevAdmin.isLocal(request)) {
            User dev = devAdmin.getObject().user();
            return new Identified(
                    new CurrentUser(dev.id(), dev.login(), dev.role(), dev.status(), EnumSet.allOf(Scope.class)), null);
        }
        return new Identified(null, null);
    }

    private static boolean isMalformed(String port, String state) {
        return port == null
                || !PORT.matcher(port).matches()
                || Integer.parseInt(port) < 1024
                || Integer.parseInt(port) > 65535
                || state == null
                || !STATE.matcher(state).matches();
    }

    private ResponseEntity<?> malformed(HttpServletRequest request) {
        return page(
                request,
                HttpStatus.BAD_REQUEST,
                "Malformed login link",
                "This CLI login link is malformed: 'port' must be a number from 1024 to 65535 and 'state' 16 to"
                        + " 128 characters of A-Z, a-z, 0-9, '_' and '-'. Run `wasmcloud login` again.");
    }

    /** A page reached under a name that is not this server's: a DNS rebinding attempt, or a missing server name. */
    private ResponseEntity<?> unknownHost(HttpServletRequest request) {
        return page(
                request,
                HttpStatus.FORBIDDEN,
                "Unknown server name",
                "This server does not answer to the name '" + request.getServerName() + "', so it will not log the"
                        + " CLI in here. Use its own address (e.g. http://127.0.0.1 in dev mode); an operator adds"
                        + " names with wasmcloud.auth.server-names.");
    }

    private ResponseEntity<?> noBrowserLogin(HttpServletRequest request) {
        return page(
                request,
                HttpStatus.SERVICE_UNAVAILABLE,
                "No browser login",
                "This server has no browser login configured (Gitea or dev mode); create an API token in the"
                        + " panel and give it to the CLI instead.");
    }

    /**
     * Asks the user before anything is issued, so that a link planted elsewhere cannot mint a token silently. Never
     * framed (clickjacking); the form carries a signed value bound to this user, port and state.
     */
    private ResponseEntity<String> consentPage(
            CurrentUser user, String port, String state, HttpServletRequest request) {
        String scopes = user.role() == Role.ADMIN ? "admin, deploy, invoke and read" : "deploy, invoke and read";
        return pages.consent(Map.of(
                "host", request.getServerName(),
                "port", port,
                "state", state,
                "login", user.login(),
                "scopes", scopes,
                "days", Long.toString(TOKEN_LIFETIME.toDays()),
                "consent", consentTokens.issue(user.id(), port, state)));
    }

    record ExchangeCode(String code, String name) {}

    record CreatedToken(UUID id, String name, List<String> scopes, Instant expiresAt, String token) {}

    /** The CLI's step: the code is the credential, good once; the token comes back in the body. */
    @Operation(summary = "Trade a CLI login code for an API token", description = """
                    The CLI half of `wasmcloud login`: trades the code from the callback for an API token, so the
                    token never travels in a URL. Needs no credential; the code is the credential.

                    `name` is optional (default `wasmcloud CLI`, at most 100 characters). Answers 201 with the
                    token, which carries every scope its user may have and expires after 90 days. An unknown, used
                    or expired code gives 400; an account that is not active, 403.""")
    @PostMapping("/api/cli/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    CreatedToken exchange(@RequestBody ExchangeCode request) {
        String name = request.name() == null || request.name().isBlank()
                ? "wasmcloud CLI"
                : request.name().strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw ApiException.badRequest("The token name is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        Optional<User> user = codes.redeem(request.code()).flatMap(users::findById);
        if (user.isEmpty()) {
            metrics.login(Method.CLI, Result.FAILED);
            throw ApiException.badRequest(INVALID_CODE);
        }
        if (!user.get().isActive()) {
            metrics.login(Method.CLI, Result.REFUSED);
            throw ApiException.forbidden("Your account is "
                    + user.get().status().name().toLowerCase(Locale.ROOT) + "; no token was issued.");
        }
        EnumSet<Scope> scopes =
                user.get().isAdmin() ? EnumSet.allOf(Scope.class) : EnumSet.of(Scope.READ, Scope.DEPLOY, Scope.INVOKE);
        IssuedToken issued =
                tokens.issue(user.get(), name, scopes, clock.instant().plus(TOKEN_LIFETIME));
        metrics.login(Method.CLI, Result.SUCCESS);
        return new CreatedToken(issued.id(), issued.name(), issued.scopes(), issued.expiresAt(), issued.token());
    }

    /** A browser gets a readable page; anything else (the CLI's tests, curl) a problem detail. */
    private ResponseEntity<?> page(HttpServletRequest request, HttpStatus status, String title, String detail) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            throw new ApiException(status, title, detail);
        }
        return pages.message(status, title, detail);
    }
}
