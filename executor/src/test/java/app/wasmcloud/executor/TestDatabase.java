package app.wasmcloud.executor;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL per test JVM with the shared schema applied, as the api-server would have left it (the
 * executor itself never migrates).
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            migrate(postgres);
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** The shared schema, from the same migrations the api-server applies. */
    static void migrate(EmbeddedPostgres postgres) {
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
