package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.AuthProperties;
import app.wasmcloud.api.user.UserRepository;
import app.wasmcloud.api.version.ModuleProperties;
import java.time.Clock;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a {@code @WebMvcTest} of an API controller needs besides its controller and mocked services: the API's own
 * security filter chain and argument resolver (so a slice answers 401 and 403 exactly as the server does) and the
 * settings the exception advice reads. A slice test declares {@code @MockitoBean ApiTokenService} to say which bearer
 * tokens are valid, and sets {@link #PROPERTIES}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({SecurityConfiguration.class, CurrentUserArgumentResolver.class})
@EnableConfigurationProperties({AuthProperties.class, MetricsAccessProperties.class, ModuleProperties.class})
public class WebSliceConfiguration {

    /** The one setting without a default that the security configuration needs: a 32-byte signing key. */
    public static final String PROPERTIES =
            "wasmcloud.auth.jwt-secret=c2xpY2UtdGVzdC1rZXktb2YtYXQtbGVhc3QtMzItYnl0ZXM=";

    /** Slice requests never carry the session cookie, so the sessions' users are never read. */
    @Bean
    BrowserSessions browserSessions(AuthProperties properties, Clock clock) {
        return new BrowserSessions(properties, Mockito.mock(UserRepository.class), clock);
    }
}
