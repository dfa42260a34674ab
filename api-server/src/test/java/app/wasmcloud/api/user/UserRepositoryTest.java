package app.wasmcloud.api.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.DatabaseSliceConfiguration;
import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.UserStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;

/** The users table through JPA, against the real schema; each test's rows are rolled back after it. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(DatabaseSliceConfiguration.class)
class UserRepositoryTest {

    @Autowired
    UserRepository users;

    @Autowired
    TestEntityManager entities;

    @Test
    void roleAndStatusAreStoredAsTheLowerCaseNamesTheSchemaAllows() {
        User saved = entities.persistFlushFind(new User(unique("lower"), Role.ADMIN, UserStatus.SUSPENDED));

        Object[] columns = (Object[]) entities.getEntityManager()
                .createNativeQuery("SELECT role, status FROM users WHERE id = :id")
                .setParameter("id", saved.id())
                .getSingleResult();

        assertThat(columns).containsExactly("admin", "suspended");
        assertThat(saved.role()).isEqualTo(Role.ADMIN);
        assertThat(saved.status()).isEqualTo(UserStatus.SUSPENDED);
    }

    @Test
    void theWaitingQueueHoldsPendingSignupsAndOpenApplicationsInLoginOrder() {
        String prefix = unique("queue");
        User pending = entities.persist(new User(prefix + "-b-pending", Role.USER, UserStatus.PENDING));
        User applicant = entities.persist(new User(prefix + "-a-applicant", Role.USER, UserStatus.ACTIVE));
        User declined = entities.persist(new User(prefix + "-c-declined", Role.USER, UserStatus.ACTIVE));
        entities.persist(new User(prefix + "-d-settled", Role.USER, UserStatus.ACTIVE));
        entities.persist(new TierApplication(applicant.id(), "more functions, please"));
        TierApplication refused = entities.persist(new TierApplication(declined.id(), "everything"));
        refused.decline("not now", "admin", Instant.now());
        entities.flush();
        entities.clear();

        assertThat(users.findWaiting())
                .extracting(User::login)
                .filteredOn(login -> login.startsWith(prefix))
                .containsExactly(applicant.login(), pending.login());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
