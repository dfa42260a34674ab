package app.wasmcloud.api.function;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface FunctionRepository extends JpaRepository<FunctionEntity, Long> {

    Optional<FunctionEntity> findByName(String name);

    /** Serialises deploys of one function, so version numbers are handed out one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from FunctionEntity f where f.name = :name")
    Optional<FunctionEntity> lockByName(String name);

    List<FunctionEntity> findByOwnerIdAndDeletedAtIsNullOrderByName(Long ownerId);

    /** Live functions and deleted ones whose names are still reserved: what the quota counts. */
    long countByOwnerId(Long ownerId);

    long countByOwnerIdAndDeletedAtIsNotNull(Long ownerId);
}
