package app.wasmcloud.api.version;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface VersionRepository extends JpaRepository<FunctionVersion, Long> {

    List<FunctionVersion> findByFunctionIdOrderByNumberDesc(Long functionId);

    @Query("select coalesce(max(v.number), 0) from FunctionVersion v where v.functionId = :functionId")
    int highestNumber(Long functionId);
}
