package app.wasmcloud.api.user;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<User, Long> {

    Optional<User> findByLogin(String login);

    Optional<User> findByGiteaId(Long giteaId);

    List<User> findAllByOrderByLogin();

    List<User> findByStatusOrderByLogin(UserStatus status);
}
