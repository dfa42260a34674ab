package app.wasmcloud.api.auth;

import app.wasmcloud.api.token.ApiTokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer <api token>}; a bad token leaves the request anonymous (then 401). */
class BearerTokenFilter extends OncePerRequestFilter {

    static final String REJECTED_TOKEN = BearerTokenFilter.class.getName() + ".rejected";
    private static final String PREFIX = "Bearer ";

    private final ApiTokenService tokens;

    BearerTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            Optional<CurrentUser> user =
                    tokens.authenticate(header.substring(PREFIX.length()).trim());
            if (user.isPresent()) {
                List<SimpleGrantedAuthority> authorities = user.get().scopes().stream()
                        .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope.wireName()))
                        .toList();
                SecurityContextHolder.getContext()
                        .setAuthentication(new UsernamePasswordAuthenticationToken(user.get(), null, authorities));
            } else {
                request.setAttribute(REJECTED_TOKEN, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
