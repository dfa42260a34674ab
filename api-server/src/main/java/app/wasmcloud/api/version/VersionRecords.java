package app.wasmcloud.api.version;

import app.wasmcloud.api.function.ActiveVersions;
import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionNotifier;
import app.wasmcloud.api.function.FunctionRepository;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.function.Visibility;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.FunctionName;
import app.wasmcloud.runtime.ModuleInfo;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A function's versions in the database: the version rows, which one is active, and the notice to the executors
 * whenever that changes.
 */
@Component
class VersionRecords implements ActiveVersions {

    private final FunctionService functionService;
    private final FunctionRepository functions;
    private final VersionRepository versions;
    private final FunctionNotifier notifier;

    VersionRecords(
            FunctionService functionService,
            FunctionRepository functions,
            VersionRepository versions,
            FunctionNotifier notifier) {
        this.functionService = functionService;
        this.functions = functions;
        this.versions = versions;
        this.notifier = notifier;
    }

    /**
     * The function an upload is for, looked up before the module is checked, so that it is held to that function's
     * memory limit: empty when the upload will create it. Without {@code createIfMissing}, a function the caller
     * cannot see is a 404 here, before anything is compiled.
     */
    Optional<FunctionEntity> uploadTarget(CurrentUser caller, FunctionName name, boolean createIfMissing) {
        return createIfMissing
                ? functions
                        .findByName(name.value())
                        .filter(function -> !function.isDeleted())
                        .filter(function -> function.ownerId() == caller.id() || caller.isAdmin())
                : Optional.of(functionService.get(caller, name.value()));
    }

    /** Inserts the stored module as the function's next version and makes it active, creating the function first. */
    @Transactional
    VersionService.Deployed record(CurrentUser caller, FunctionName name, ModuleInfo info, boolean createIfMissing) {
        // A deleted function's name goes through create too, which gives it back to its previous owner and tells
        // anyone else until when it stays reserved.
        FunctionEntity function = functions
                .lockByName(name.value())
                .filter(found -> !(found.isDeleted() && createIfMissing))
                .orElseGet(() -> {
                    if (!createIfMissing) {
                        throw FunctionService.notFound(name.value());
                    }
                    functionService.create(caller, name, "", Visibility.PUBLIC);
                    return functions.lockByName(name.value()).orElseThrow();
                });
        if (function.isDeleted() || (function.ownerId() != caller.id() && !caller.isAdmin())) {
            throw function.isDeleted() || createIfMissing
                    ? ApiException.conflict("The name '" + name + "' is taken; choose another.")
                    : FunctionService.notFound(name.value());
        }
        FunctionVersion version = versions.saveAndFlush(new FunctionVersion(
                function.id(),
                versions.highestNumber(function.id()) + 1,
                info.sha256(),
                info.sizeBytes(),
                info.abi().name().toLowerCase(Locale.ROOT),
                info.entrypoint(),
                info.imports()));
        function.activate(version.id());
        notifier.changed(function.name());
        return new VersionService.Deployed(function, version);
    }

    /** Makes an earlier (or later) version serve again: a rollback is an activation. */
    @Transactional
    FunctionVersion activate(CurrentUser caller, String name, int number) {
        FunctionEntity function = functionService.lock(caller, name);
        FunctionVersion version = versions.findByFunctionIdAndNumber(function.id(), number)
                .orElseThrow(() -> ApiException.notFound("The function '" + name + "' has no version " + number
                        + "; its version list shows the numbers it has."));
        if (!version.id().equals(function.activeVersionId())) {
            function.activate(version.id());
            notifier.changed(function.name());
        }
        return version;
    }

    @Transactional(readOnly = true)
    List<FunctionVersion> list(CurrentUser caller, String name) {
        return versions.findByFunctionIdOrderByNumberDesc(
                functionService.get(caller, name).id());
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Integer> numbersOf(Collection<FunctionEntity> functions) {
        Map<Long, Long> functionByVersion = new HashMap<>();
        for (FunctionEntity function : functions) {
            if (function.activeVersionId() != null) {
                functionByVersion.put(function.activeVersionId(), function.id());
            }
        }
        Map<Long, Integer> numbers = new HashMap<>();
        if (!functionByVersion.isEmpty()) {
            for (FunctionVersion version : versions.findAllById(functionByVersion.keySet())) {
                numbers.put(functionByVersion.get(version.id()), version.number());
            }
        }
        return numbers;
    }

    @Override
    public Integer numberOf(FunctionEntity function) {
        Long active = function.activeVersionId();
        return active == null
                ? null
                : versions.findById(active).map(FunctionVersion::number).orElse(null);
    }
}
