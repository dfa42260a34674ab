package app.wasmcloud.api;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/** One real PostgreSQL per test JVM, started on first use and shared by every Spring test context. */
final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {}

    static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
