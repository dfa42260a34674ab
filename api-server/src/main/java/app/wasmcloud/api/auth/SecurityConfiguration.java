package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.token.ApiTokenService;
import app.wasmcloud.contract.WasmcloudHeaders;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration
class SecurityConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiTokenService tokens,
            BrowserSessions sessions,
            AuthProperties properties,
            MetricsAccessProperties metrics)
            throws Exception {
        http.securityMatcher("/**")
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens are not sent by browsers on their own; cookie sessions are CSRF-checked by the filter.
                .csrf(csrf -> csrf.disable())
                .cors(cors -> cors.configurationSource(corsSource(properties.corsAllowedOrigins())))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, sessions), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ProblemAuthenticationEntryPoint()))
                .authorizeHttpRequests(requests -> requests
                        // A log stream's later dispatches write to a response whose request was already authorised.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/api/dev/token", "/error")
                        .permitAll()
                        // The panel's sign-in screen: which buttons to show, and dev mode's session login.
                        .requestMatchers("/api/login-options", "/api/dev/session")
                        .permitAll()
                        // The CLI login: the browser step finds its own user; the exchange's credential is the code.
                        .requestMatchers("/login/cli", "/api/cli/tokens")
                        .permitAll()
                        // The API's own description is public, like the docs site.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers("/actuator/prometheus")
                        .access(metricsAccess(metrics))
                        .anyRequest()
                        .authenticated());
        return http.build();
    }

    /** From a scraper network as is; from elsewhere only with an admin credential. */
    @SuppressWarnings("unchecked")
    private static AuthorizationManager<RequestAuthorizationContext> metricsAccess(MetricsAccessProperties metrics) {
        List<AuthorizationManager<RequestAuthorizationContext>> allowed = new ArrayList<>();
        metrics.scraperNetworks().forEach(network -> allowed.add(IpAddressAuthorizationManager.hasIpAddress(network)));
        allowed.add(AuthorityAuthorizationManager.hasAuthority("SCOPE_" + Scope.ADMIN.wireName()));
        return AuthorizationManagers.anyOf(allowed.toArray(AuthorizationManager[]::new));
    }

    private static UrlBasedCorsConfigurationSource corsSource(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of(WasmcloudHeaders.INVOCATION_ID, WasmcloudHeaders.FUNCTION_HEADERS));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
