package app.wasmcloud.executor.module;

import app.wasmcloud.contract.RecordMode;
import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import app.wasmcloud.executor.function.ActiveFunction;
import app.wasmcloud.executor.function.OwnerQuotas;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Functions as the directory would serve them, for the module tests: only the module and its limits vary. */
final class ServedFunctions {

    private ServedFunctions() {}

    /** A public function of an unlimited owner, with no environment and no egress, running {@code sha256}. */
    static ActiveFunction served(String name, String sha256, String entrypoint, Duration timeout) {
        return new ActiveFunction(
                1,
                1,
                name,
                true,
                1,
                1,
                sha256,
                entrypoint,
                timeout,
                16,
                Map.of(),
                EgressPolicy.denyAll(),
                RecordMode.OFF,
                Set.of(),
                new OwnerQuotas(Tier.FULL, TierQuotas.NONE));
    }
}
