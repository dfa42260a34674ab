package app.wasmcloud.api.env;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface EnvRepository extends JpaRepository<EnvVariable, EnvVariable.Key> {

    List<EnvVariable> findByFunctionIdOrderByKey(Long functionId);

    Optional<EnvVariable> findByFunctionIdAndKey(Long functionId, String key);

    long countByFunctionId(Long functionId);

    List<EnvVariable> findBySecretTrue();
}
