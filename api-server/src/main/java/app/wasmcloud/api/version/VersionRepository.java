package app.wasmcloud.api.version;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VersionRepository extends JpaRepository<FunctionVersion, Long> {

    List<FunctionVersion> findByFunctionIdOrderByNumberDesc(Long functionId);

    Optional<FunctionVersion> findByFunctionIdAndNumber(Long functionId, int number);

    @Query("select coalesce(max(v.number), 0) from FunctionVersion v where v.functionId = :functionId")
    int highestNumber(Long functionId);
}
