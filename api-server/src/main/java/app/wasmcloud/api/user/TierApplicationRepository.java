package app.wasmcloud.api.user;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TierApplicationRepository extends JpaRepository<TierApplication, Long> {

    Optional<TierApplication> findFirstByUserIdOrderByCreatedAtDescIdDesc(Long userId);

    Optional<TierApplication> findByUserIdAndState(Long userId, ApplicationState state);

    List<TierApplication> findByStateOrderByCreatedAt(ApplicationState state);
}
