package app.wasmcloud.api.version;

import app.wasmcloud.api.compiled.CompiledClassPublisher;
import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.storage.ModuleStore;
import app.wasmcloud.api.storage.StorageUnavailableException;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.FunctionName;
import app.wasmcloud.runtime.ModuleInfo;
import app.wasmcloud.runtime.WasmFunction;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Deploys a module: validate it with the runtime, store it by its hash, then record and activate the version in one
 * transaction. Storage comes first so a crash in between leaves an unreferenced blob, never a dangling row.
 */
@Service
class VersionService {

    private final ModuleValidator validator;
    private final ModuleStore store;
    private final VersionRecords records;
    private final MeterRegistry registry;
    private final CompiledClassPublisher compiledClasses;

    VersionService(
            ModuleValidator validator,
            ModuleStore store,
            VersionRecords records,
            MeterRegistry registry,
            CompiledClassPublisher compiledClasses) {
        this.validator = validator;
        this.compiledClasses = compiledClasses;
        this.store = store;
        this.records = records;
        this.registry = registry;
    }

    record Deployed(FunctionEntity function, FunctionVersion version) {}

    /** Counted as {@code wasmcloud_deploys_total{result}}: success, invalid, too_large, storage_unavailable, refused. */
    Deployed deploy(CurrentUser caller, String name, byte[] module, boolean createIfMissing) {
        String result = "refused";
        try {
            Deployed deployed = validateStoreAndRecord(caller, name, module, createIfMissing);
            result = "success";
            return deployed;
        } catch (ApiException e) {
            result = switch (e.status()) {
                case UNPROCESSABLE_CONTENT -> "invalid";
                case CONTENT_TOO_LARGE -> "too_large";
                default -> "refused";
            };
            throw e;
        } catch (StorageUnavailableException e) {
            result = "storage_unavailable";
            throw e;
        } finally {
            registry.counter("wasmcloud.deploys", "result", result).increment();
        }
    }

    private Deployed validateStoreAndRecord(CurrentUser caller, String name, byte[] module, boolean createIfMissing) {
        FunctionName functionName = FunctionName.parse(name);
        validator.requireAllowedByTier(caller, module);
        Optional<FunctionEntity> target = records.uploadTarget(caller, functionName, createIfMissing);
        WasmFunction compiled = validator.validate(module, functionName, target);
        // Validated and compiled: from here on the module is kept, first in storage, then as the active version.
        ModuleInfo info = compiled.info();
        store.put(info.sha256(), module);
        // Before the row, so an executor told of the version finds the classes of the compile above already there.
        compiledClasses.publish(info.sha256());
        return records.record(caller, functionName, info, createIfMissing);
    }
}
