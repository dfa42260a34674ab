package app.wasmcloud.executor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * For {@code bench/executor/run.sh}: an embedded PostgreSQL with the schema and one public function {@code hello}
 * (examples/hello) stored in a filesystem module store. Prints the JDBC URL, then runs until killed.
 *
 * <p>Usage: {@code BenchDatabase <module store root>}
 */
public final class BenchDatabase {

    private BenchDatabase() {}

    public static void main(String[] args) throws Exception {
        Path storeRoot = Path.of(args[0]);
        byte[] hello = Files.readAllBytes(Path.of("examples/hello/hello.wasm"));
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(hello));
        Path stored = storeRoot.resolve("modules/sha256/" + sha256);
        Files.createDirectories(stored.getParent());
        Files.write(stored, hello);

        String url = TestDatabase.jdbcUrl();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(url, "postgres", "postgres"));
        long owner = jdbc.sql("INSERT INTO users (login, status) VALUES ('bench', 'active') RETURNING id")
                .query(Long.class)
                .single();
        long function = jdbc.sql(
                        "INSERT INTO functions (name, owner_id, visibility, effective_timeout_ms, effective_memory_pages)"
                                + " VALUES ('hello', :o, 'public', 10000, 256) RETURNING id")
                .param("o", owner)
                .query(Long.class)
                .single();
        long version = jdbc.sql("""
                        INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                        VALUES (:f, 1, :sha, :size, 'olin', '_start') RETURNING id""")
                .param("f", function)
                .param("sha", sha256)
                .param("size", hello.length)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE functions SET active_version_id = :v WHERE id = :f")
                .param("v", version)
                .param("f", function)
                .update();
        System.out.println("JDBC_URL=" + url);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
