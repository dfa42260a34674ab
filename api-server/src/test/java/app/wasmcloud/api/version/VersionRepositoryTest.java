package app.wasmcloud.api.version;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.DatabaseSliceConfiguration;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.user.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;

/** The function_versions table through JPA, against the real schema; each test's rows are rolled back after it. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(DatabaseSliceConfiguration.class)
class VersionRepositoryTest {

    private static final String SHA = "ab".repeat(32);

    @Autowired
    VersionRepository versions;

    @Autowired
    TestEntityManager entities;

    long function;
    long otherFunction;

    @BeforeEach
    void twoFunctions() {
        User owner = entities.persist(new User("versions-" + UUID.randomUUID(), Role.USER, UserStatus.ACTIVE));
        function = insertFunction(owner);
        otherFunction = insertFunction(owner);
    }

    @Test
    void theHighestNumberIsZeroBeforeTheFirstVersionThenTheLargestGiven() {
        assertThat(versions.highestNumber(function)).isZero();

        versions.saveAndFlush(version(function, 2));
        versions.saveAndFlush(version(function, 1));
        versions.saveAndFlush(version(otherFunction, 7));

        assertThat(versions.highestNumber(function)).isEqualTo(2);
    }

    @Test
    void aFunctionsVersionsAreListedNewestFirstWithTheirImportsAndCreationTime() {
        versions.saveAndFlush(version(function, 1));
        versions.saveAndFlush(version(function, 3));
        versions.saveAndFlush(version(function, 2));
        versions.saveAndFlush(version(otherFunction, 1));
        entities.clear();

        List<FunctionVersion> listed = versions.findByFunctionIdOrderByNumberDesc(function);

        assertThat(listed).extracting(FunctionVersion::number).containsExactly(3, 2, 1);
        assertThat(listed.getFirst().imports()).containsExactly("wasi_snapshot_preview1.fd_write");
        assertThat(listed.getFirst().createdAt()).isNotNull();
        assertThat(versions.findByFunctionIdAndNumber(function, 4)).isEmpty();
    }

    private static FunctionVersion version(long functionId, int number) {
        return new FunctionVersion(
                functionId, number, SHA, 100, "wasi", "_start", List.of("wasi_snapshot_preview1.fd_write"));
    }

    /** Straight into the table: a function's own rules are the function feature's, not what is tested here. */
    private long insertFunction(User owner) {
        return ((Number) entities.getEntityManager()
                        .createNativeQuery(
                                "INSERT INTO functions (name, owner_id, effective_timeout_ms, effective_memory_pages)"
                                        + " VALUES (:name, :owner, 10000, 256) RETURNING id")
                        .setParameter(
                                "name", "v-" + UUID.randomUUID().toString().substring(0, 8))
                        .setParameter("owner", owner.id())
                        .getSingleResult())
                .longValue();
    }
}
