package app.wasmcloud.api.auth;

import app.wasmcloud.api.auth.GiteaLogin.RefusedException;
import app.wasmcloud.api.user.User;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
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
            Clock clock)
            throws Exception {
        http.securityMatcher("/oauth2/**", "/login/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The OAuth2 state parameter, checked against the signed request cookie, protects the callback.
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login.clientRegistrationRepository(registrations)
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(
                                new CookieAuthorizationRequestRepository(properties, clock)))
                        .authorizedClientRepository(new DiscardingAuthorizedClientRepository())
                        .successHandler((request, response, authentication) ->
                                onSuccess(authentication, response, properties, giteaLogin, sessions))
                        .failureHandler((request, response, exception) -> {
                            log.warn("Gitea login failed: {}", exception.getMessage());
                            redirect(response, properties, "gitea-failed");
                        }));
        return http.build();
    }

    private static void onSuccess(
            Authentication authentication,
            HttpServletResponse response,
            AuthProperties properties,
            GiteaLogin giteaLogin,
            BrowserSessions sessions)
            throws java.io.IOException {
        OAuth2User principal = (OAuth2User) authentication.getPrincipal();
        Map<String, Object> attributes = principal.getAttributes();
        if (!(attributes.get("id") instanceof Number id) || !(attributes.get("login") instanceof String login)) {
            log.warn("Gitea's user info lacks a numeric id or a login: {}", attributes.keySet());
            redirect(response, properties, "gitea-failed");
            return;
        }
        User user;
        try {
            user = giteaLogin.login(id.longValue(), login);
        } catch (RefusedException e) {
            log.info("Gitea login of '{}' refused: {}", login, e.refusal.code);
            redirect(response, properties, e.refusal.code);
            return;
        }
        sessions.start(user, response);
        response.sendRedirect(properties.afterLoginUrl());
    }

    private static void redirect(HttpServletResponse response, AuthProperties properties, String error)
            throws java.io.IOException {
        response.sendRedirect(UriComponentsBuilder.fromUriString(properties.afterLoginUrl())
                .queryParam("login-error", error)
                .build()
                .toUriString());
    }

    /** Gitea's access token is needed only to read the user once, so it is not kept anywhere. */
    private static final class DiscardingAuthorizedClientRepository implements OAuth2AuthorizedClientRepository {

        @Override
        @SuppressWarnings("unchecked")
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                jakarta.servlet.http.HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient authorizedClient,
                Authentication principal,
                jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String clientRegistrationId,
                Authentication principal,
                jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
