package app.wasmcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FunctionNameTest {

    private static final List<String> CANDIDATES = List.of(
            "hello",
            "a",
            "ab",
            "a-b",
            "-ab",
            "ab-",
            "Hello",
            "hello_world",
            "hello.world",
            "0day",
            "x".repeat(63),
            "x".repeat(64),
            "",
            "né",
            "a--b",
            "api");

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void theNameRuleIsTheMigrationsCheckConstraint() throws Exception {
        String check = checkExpression();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT (" + check + ") FROM (VALUES (?)) AS candidate(name)")) {
            for (String candidate : CANDIDATES) {
                assertThat(FunctionName.isWellFormed(candidate))
                        .as("'%s' under %s", candidate, check)
                        .isEqualTo(databaseAccepts(query, candidate));
            }
        }
    }

    @Test
    void aBadNameIsRefusedWithTheRule() {
        assertThatThrownBy(() -> FunctionName.parse("Hello"))
                .isInstanceOf(InvalidFunctionNameException.class)
                .hasMessage("Invalid function name 'Hello': use " + FunctionName.RULE + ".");
        assertThatThrownBy(() -> FunctionName.parse("a")).hasMessageContaining("2-63");
    }

    @Test
    void reservedNamesAreWellFormedButRefused() {
        assertThat(FunctionName.isWellFormed("api")).isTrue();
        assertThatThrownBy(() -> FunctionName.parse("api"))
                .hasMessage("The function name 'api' is reserved; choose another.");
        assertThat(FunctionName.parse("hello").value()).isEqualTo("hello");
    }

    private static boolean databaseAccepts(PreparedStatement query, String candidate) throws SQLException {
        query.setString(1, candidate);
        try (ResultSet result = query.executeQuery()) {
            result.next();
            return result.getBoolean(1);
        }
    }

    /** The boolean expression of the {@code functions_name_is_dns_label} constraint, as the migration wrote it. */
    private static String checkExpression() throws IOException {
        Path migrations = Path.of(System.getProperty("migrations.dir", "../db/migrations"));
        try (var files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                Matcher constraint = Pattern.compile(
                                "functions_name_is_dns_label CHECK \\((.*)\\)\\s*$", Pattern.MULTILINE)
                        .matcher(Files.readString(file));
                if (constraint.find()) {
                    return constraint.group(1);
                }
            }
        }
        throw new AssertionError("no migration in " + migrations + " defines functions_name_is_dns_label");
    }
}
