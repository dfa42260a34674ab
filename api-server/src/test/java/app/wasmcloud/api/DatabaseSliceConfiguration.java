package app.wasmcloud.api;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points a {@code @DataJpaTest} at the test JVM's real PostgreSQL, the one every full-context test uses, with the
 * schema Flyway migrates. Import it together with {@code @AutoConfigureTestDatabase(replace = NONE)}, which keeps Boot
 * from swapping in an in-memory database that would not run our SQL.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseSliceConfiguration {

    @Bean
    DynamicPropertyRegistrar sharedDatabase() {
        return registry -> {
            registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        };
    }
}
