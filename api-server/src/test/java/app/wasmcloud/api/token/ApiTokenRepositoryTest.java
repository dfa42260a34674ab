package app.wasmcloud.api.token;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.DatabaseSliceConfiguration;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.user.User;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;

/** The api_tokens table through JPA, against the real schema; each test's rows are rolled back after it. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(DatabaseSliceConfiguration.class)
class ApiTokenRepositoryTest {

    @Autowired
    ApiTokenRepository tokens;

    @Autowired
    TestEntityManager entities;

    @Test
    void lastUsedIsWrittenOnceAndNotAgainWithinFiveMinutes() {
        User user = entities.persist(new User("touch-" + UUID.randomUUID(), Role.USER, UserStatus.ACTIVE));
        ApiToken token =
                entities.persistAndFlush(new ApiToken(UUID.randomUUID(), user.id(), "ci", List.of("read"), null));

        int first = tokens.touchLastUsed(token.id());
        int second = tokens.touchLastUsed(token.id());
        entities.clear();

        assertThat(first).isEqualTo(1);
        assertThat(second).isZero();
        assertThat(tokens.findById(token.id()).orElseThrow().lastUsedAt()).isNotNull();
    }

    @Test
    void aUsersListLeavesOutRevokedTokensAndShowsTheNewestFirst() {
        User user = entities.persist(new User("list-" + UUID.randomUUID(), Role.USER, UserStatus.ACTIVE));
        ApiToken older =
                entities.persistAndFlush(new ApiToken(UUID.randomUUID(), user.id(), "old", List.of("read"), null));
        ApiToken revoked = entities.persist(new ApiToken(UUID.randomUUID(), user.id(), "gone", List.of("read"), null));
        revoked.revoke(Instant.now());
        entities.flush();
        // created_at is the database's now(), the same for every row of one transaction: set the order explicitly.
        entities.getEntityManager()
                .createNativeQuery("UPDATE api_tokens SET created_at = created_at - interval '1 day' WHERE id = :id")
                .setParameter("id", older.id())
                .executeUpdate();
        ApiToken newer = entities.persistAndFlush(
                new ApiToken(UUID.randomUUID(), user.id(), "new", List.of("read", "deploy"), null));
        entities.clear();

        assertThat(tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(user.id()))
                .extracting(ApiToken::name)
                .containsExactly(newer.name(), older.name());
    }
}
