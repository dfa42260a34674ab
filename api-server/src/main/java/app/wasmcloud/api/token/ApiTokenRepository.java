package app.wasmcloud.api.token;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

    List<ApiToken> findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(Long userId);

    /** Touches last_used_at at most once per interval, so authentication is not a write per request. */
    @Modifying
    @Transactional
    @Query(
            value = "UPDATE api_tokens SET last_used_at = now() WHERE id = :id"
                    + " AND (last_used_at IS NULL OR last_used_at < now() - interval '5 minutes')",
            nativeQuery = true)
    int touchLastUsed(UUID id);
}
