package app.wasmcloud.api.user;

import app.wasmcloud.api.security.UserStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByLogin(String login);

    Optional<User> findByGiteaId(Long giteaId);

    List<User> findAllByOrderByLogin();

    List<User> findByStatusOrderByLogin(UserStatus status);

    /** The admins' queue: signups waiting for approval and users waiting for an answer to their application. */
    @Query("""
            SELECT u FROM User u
            WHERE u.status = app.wasmcloud.api.security.UserStatus.PENDING
               OR EXISTS (SELECT a FROM TierApplication a
                          WHERE a.userId = u.id AND a.state = app.wasmcloud.api.user.ApplicationState.PENDING)
            ORDER BY u.login""")
    List<User> findWaiting();
}
