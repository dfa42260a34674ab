package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.token.ApiTokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api token>} (CLI, scripts) or else the browser session cookie (panel).
 * A bad credential leaves the request anonymous (then 401). Cookie-authenticated requests that change state must
 * echo the session's CSRF value, since a browser sends the cookie whoever asked it to.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String REJECTED_TOKEN = BearerTokenFilter.class.getName() + ".rejected";
    private static final String PREFIX = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ApiTokenService tokens;
    private final BrowserSessions sessions;

    BearerTokenFilter(ApiTokenService tokens, BrowserSessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /**
     * The CLI login's pages find their user themselves, and its consent form, which cannot send a header, is
     * CSRF-checked by its own signed field ({@link CliConsentTokens}).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "/login/cli".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            Optional<CurrentUser> user =
                    tokens.authenticate(header.substring(PREFIX.length()).trim());
            if (user.isPresent()) {
                authenticate(user.get());
            } else {
                request.setAttribute(REJECTED_TOKEN, Boolean.TRUE);
            }
        } else if (BrowserSessions.hasSessionCookie(request)) {
            Optional<BrowserSessions.Session> session = sessions.find(request);
            if (session.isEmpty()) {
                request.setAttribute(REJECTED_TOKEN, Boolean.TRUE);
            } else if (!SAFE_METHODS.contains(request.getMethod())
                    && !matches(session.get().xsrf(), request.getHeader(BrowserSessions.XSRF_HEADER))) {
                refuseForgery(request, response);
                return;
            } else {
                authenticate(session.get().user());
            }
        }
        chain.doFilter(request, response);
    }

    private static void authenticate(CurrentUser user) {
        List<SimpleGrantedAuthority> authorities = user.scopes().stream()
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.wireName()))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
    }

    private static boolean matches(String expected, String given) {
        return expected != null
                && given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuseForgery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FilterProblems.write(
                request,
                response,
                HttpServletResponse.SC_FORBIDDEN,
                "Forbidden",
                "This request uses the session cookie, so it must send the XSRF-TOKEN cookie's value in the"
                        + " X-XSRF-TOKEN header.");
    }
}
