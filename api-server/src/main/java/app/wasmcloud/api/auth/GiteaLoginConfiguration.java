package app.wasmcloud.api.auth;

import app.wasmcloud.api.auth.GiteaLogin.RefusedException;
import app.wasmcloud.api.security.AuthProperties;
import app.wasmcloud.api.user.User;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Login with Gitea for browsers: {@code /oauth2/authorization/gitea} redirects to Gitea, which returns to
 * {@code /login/oauth2/code/gitea}; on success the browser gets the session cookie and goes to the panel. Present
 * only when {@code wasmcloud.gitea.client-id} is set (dev mode logs in without Gitea).
 */
@Configuration
@ConditionalOnProperty(name = "wasmcloud.gitea.client-id")
class GiteaLoginConfiguration {

    static final String REGISTRATION = "gitea";
    private static final String RETURN_TO_ATTRIBUTE = "wasmcloud_return_to";
    private static final Logger log = LoggerFactory.getLogger(GiteaLoginConfiguration.class);

    @Bean
    ClientRegistrationRepository clientRegistrations(GiteaProperties gitea) {
        return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(gitea.clientId())
                .clientSecret(gitea.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("read:user")
                .authorizationUri(gitea.url("/login/oauth/authorize"))
                .tokenUri(gitea.url("/login/oauth/access_token"))
                .userInfoUri(gitea.url("/api/v1/user"))
                .userNameAttributeName("login")
                .clientName("Gitea")
                .build());
    }

    @Bean
    @Order(1)
    SecurityFilterChain browserLogin(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            AuthProperties properties,
            GiteaLogin giteaLogin,
            BrowserSessions sessions,
            LoginMetrics metrics,
            Clock clock)
            throws Exception {
        CookieAuthorizationRequestRepository authorizationRequests =
                new CookieAuthorizationRequestRepository(properties, clock);
        http.securityMatcher("/oauth2/**", "/login/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The OAuth2 state parameter, checked against the signed request cookie, protects the callback.
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(
                                endpoint -> endpoint.authorizationRequestRepository(authorizationRequests)
                                        .authorizationRequestResolver(new ReturnToResolver(registrations)))
                        .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                            @Override
                            public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(GiteaLoginConfiguration::refuseLoginStart);
                                return filter;
                            }
                        })
                        .authorizedClientRepository(new DiscardingAuthorizedClientRepository())
                        .successHandler((request, response, authentication) -> onSuccess(
                                authentication,
                                returnTo(authorizationRequests.loadAuthorizationRequest(request)),
                                response,
                                properties,
                                giteaLogin,
                                sessions,
                                metrics))
                        .failureHandler((request, response, exception) -> {
                            log.warn("Gitea login failed: {}", exception.getMessage());
                            metrics.login(LoginMetrics.Method.GITEA, LoginMetrics.Result.FAILED);
                            redirect(response, properties, "gitea-failed");
                        }));
        return http.build();
    }

    private static void onSuccess(
            Authentication authentication,
            Optional<String> returnTo,
            HttpServletResponse response,
            AuthProperties properties,
            GiteaLogin giteaLogin,
            BrowserSessions sessions,
            LoginMetrics metrics)
            throws IOException {
        OAuth2User principal = (OAuth2User) authentication.getPrincipal();
        Map<String, Object> attributes = principal.getAttributes();
        if (!(attributes.get("id") instanceof Number id) || !(attributes.get("login") instanceof String login)) {
            log.warn("Gitea's user info lacks a numeric id or a login: {}", attributes.keySet());
            metrics.login(LoginMetrics.Method.GITEA, LoginMetrics.Result.FAILED);
            redirect(response, properties, "gitea-failed");
            return;
        }
        User user;
        try {
            user = giteaLogin.login(id.longValue(), login);
        } catch (RefusedException e) {
            log.info("Gitea login of '{}' refused: {}", login, e.refusal.code);
            metrics.login(LoginMetrics.Method.GITEA, LoginMetrics.Result.REFUSED);
            redirect(response, properties, e.refusal.code);
            return;
        }
        sessions.start(user, response);
        metrics.login(LoginMetrics.Method.GITEA, LoginMetrics.Result.SUCCESS);
        response.sendRedirect(returnTo.orElse(properties.afterLoginUrl()));
    }

    /** The login's way back, from the signed authorization request; checked again though it was checked at start. */
    private static Optional<String> returnTo(OAuth2AuthorizationRequest authorizationRequest) {
        return authorizationRequest == null
                ? Optional.empty()
                : ReturnTo.parse(authorizationRequest.getAttribute(RETURN_TO_ATTRIBUTE));
    }

    private static void refuseLoginStart(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        if (exception.getCause() instanceof ReturnTo.InvalidException invalid) {
            FilterProblems.write(
                    request, response, HttpServletResponse.SC_BAD_REQUEST, "Bad login link", invalid.getMessage());
            return;
        }
        log.error("Could not start the Gitea login", exception);
        FilterProblems.write(
                request,
                response,
                HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                "Internal error",
                "The server could not start the Gitea login; it has been logged.");
    }

    private static void redirect(HttpServletResponse response, AuthProperties properties, String error)
            throws IOException {
        response.sendRedirect(UriComponentsBuilder.fromUriString(properties.afterLoginUrl())
                .queryParam("login-error", error)
                .build()
                .toUriString());
    }

    /**
     * Spring's resolver, plus an optional {@code ?return-to=<path>} kept in the (signed) authorization request so the
     * browser comes back to where the login began, e.g. the CLI login. Anything but a path on this server is refused.
     */
    private static final class ReturnToResolver implements OAuth2AuthorizationRequestResolver {

        private final DefaultOAuth2AuthorizationRequestResolver defaults;

        ReturnToResolver(ClientRegistrationRepository registrations) {
            this.defaults = new DefaultOAuth2AuthorizationRequestResolver(
                    registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
            return withReturnTo(request, defaults.resolve(request));
        }

        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
            return withReturnTo(request, defaults.resolve(request, clientRegistrationId));
        }

        private static OAuth2AuthorizationRequest withReturnTo(
                HttpServletRequest request, OAuth2AuthorizationRequest authorizationRequest) {
            String value = request.getParameter(ReturnTo.PARAMETER);
            if (authorizationRequest == null || value == null) {
                return authorizationRequest;
            }
            String returnTo = ReturnTo.parse(value).orElseThrow(ReturnTo.InvalidException::new);
            return OAuth2AuthorizationRequest.from(authorizationRequest)
                    .attributes(attributes -> attributes.put(RETURN_TO_ATTRIBUTE, returnTo))
                    .build();
        }
    }

    /** Gitea's access token is needed only to read the user once, so it is not kept anywhere. */
    private static final class DiscardingAuthorizedClientRepository implements OAuth2AuthorizedClientRepository {

        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String clientRegistrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
