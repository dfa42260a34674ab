package app.wasmcloud.api.version;

import app.wasmcloud.api.auth.CurrentUser;
import app.wasmcloud.api.compiled.CompiledClassPublisher;
import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionNotifier;
import app.wasmcloud.api.function.FunctionProperties;
import app.wasmcloud.api.function.FunctionRepository;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.function.Visibility;
import app.wasmcloud.api.storage.ModuleStore;
import app.wasmcloud.api.storage.StorageUnavailableException;
import app.wasmcloud.api.tier.AccountTiers;
import app.wasmcloud.api.tier.ExamplesCatalog;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.FunctionName;
import app.wasmcloud.runtime.InvalidModuleException;
import app.wasmcloud.runtime.ModuleCompiler;
import app.wasmcloud.runtime.ModuleInfo;
import app.wasmcloud.runtime.WasmFunction;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deploys modules: validate with the runtime, store by hash, then record and activate the version in one
 * transaction. Storage comes first so a crash in between leaves an unreferenced blob, never a dangling row.
 */
@Service
public class VersionService {

    private final FunctionService functionService;
    private final FunctionRepository functions;
    private final VersionRepository versions;
    private final ModuleStore store;
    private final ModuleProperties properties;
    private final FunctionProperties functionProperties;
    private final TransactionTemplate transaction;
    private final FunctionNotifier notifier;
    private final MeterRegistry registry;
    private final ModuleCompiler compiler;
    private final AccountTiers tiers;
    private final ExamplesCatalog catalog;
    private final CompiledClassPublisher compiledClasses;

    VersionService(
            FunctionService functionService,
            FunctionRepository functions,
            VersionRepository versions,
            ModuleStore store,
            ModuleProperties properties,
            FunctionProperties functionProperties,
            TransactionTemplate transaction,
            FunctionNotifier notifier,
            MeterRegistry registry,
            ModuleCompiler compiler,
            AccountTiers tiers,
            ExamplesCatalog catalog,
            CompiledClassPublisher compiledClasses) {
        this.functionService = functionService;
        this.functions = functions;
        this.versions = versions;
        this.store = store;
        this.properties = properties;
        this.functionProperties = functionProperties;
        this.transaction = transaction;
        this.notifier = notifier;
        this.registry = registry;
        this.compiler = compiler;
        this.tiers = tiers;
        this.catalog = catalog;
        this.compiledClasses = compiledClasses;
    }

    public record Deployed(FunctionEntity function, FunctionVersion version) {}

    /** Counted as {@code wasmcloud_deploys_total{result}}: success, invalid, too_large, storage_unavailable, refused. */
    public Deployed deploy(CurrentUser caller, String name, byte[] module, boolean createIfMissing) {
        String result = "refused";
        try {
            Deployed deployed = storeAndRecord(caller, name, module, createIfMissing);
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

    private Deployed storeAndRecord(CurrentUser caller, String name, byte[] module, boolean createIfMissing) {
        FunctionName functionName = FunctionName.parse(name);
        requireAllowedByTier(caller, module);
        Optional<FunctionEntity> existing = createIfMissing
                ? functions
                        .findByName(functionName.value())
                        .filter(function -> !function.isDeleted())
                        .filter(function -> function.ownerId() == caller.id() || caller.isAdmin())
                : Optional.of(functionService.get(caller, name));
        int memoryLimit =
                existing.map(functionProperties::memoryPagesOf).orElse(functionProperties.defaultMemoryPages());
        ModuleInfo info = validate(module, functionName, memoryLimit);
        store.put(info.sha256(), module);
        compiledClasses.publish(info.sha256());
        return transaction.execute(status -> record(caller, functionName, info, createIfMissing));
    }

    private Deployed record(CurrentUser caller, FunctionName name, ModuleInfo info, boolean createIfMissing) {
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
        return new Deployed(function, version);
    }

    /**
     * An {@code examples} account may deploy only the catalog's modules; checked on the raw bytes before anything is
     * compiled, so a refused upload costs a hash and nothing more.
     */
    private void requireAllowedByTier(CurrentUser caller, byte[] module) {
        if (tiers.of(caller.id()).deploysAnyModule()) {
            return;
        }
        String sha256 = ExamplesCatalog.sha256(module);
        if (!catalog.contains(sha256)) {
            throw ExamplesCatalog.notAnExample(sha256);
        }
    }

    /** Makes an earlier (or later) version serve again: a rollback is an activation. */
    @Transactional
    public FunctionVersion activate(CurrentUser caller, String name, int number) {
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

    /**
     * Checks the module against the platform (the runtime's rules, the module ceiling), then against the function's
     * own memory limit: a module whose initial memory is over it would be refused by the executor on every call.
     */
    private ModuleInfo validate(byte[] module, FunctionName name, int memoryLimit) {
        if (module.length == 0) {
            throw ApiException.badRequest("The uploaded module is empty.");
        }
        if (module.length > properties.maxSize().toBytes()) {
            throw moduleTooLarge(properties);
        }
        ModuleInfo info;
        try {
            // On the bounded compiler pool: structural limits first, then a compile within its time and memory budget.
            info = compiler.compile(module, null, properties.maxMemoryPages(), compiledClasses)
                    .info();
        } catch (InvalidModuleException e) {
            throw new ApiException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Invalid module",
                    "The module cannot run on Wasmcloud: " + e.getMessage(),
                    e.reasons());
        } catch (ModuleCompiler.BusyException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Module compilers busy", e.getMessage() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Shutting down", "The server stopped while checking the module.");
        }
        if (memoryLimit < properties.maxMemoryPages()) {
            try {
                WasmFunction.inspect(module, null, memoryLimit);
            } catch (InvalidModuleException e) {
                // Everything else passed just above, so the function's memory limit is what refuses it.
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Module over the function's memory limit",
                        "The module cannot run as '" + name + "': " + e.getMessage() + ". Raise the function's"
                                + " memoryPages (PATCH /api/functions/" + name + ", at most "
                                + Math.min(functionProperties.maxMemoryPages(), properties.maxMemoryPages())
                                + ") before deploying, or build the module with a smaller initial memory.",
                        e.reasons());
            }
        }
        return info;
    }

    /** 413 for a module over the size cap, whichever layer (multipart parsing or this service) finds it. */
    public static ApiException moduleTooLarge(ModuleProperties properties) {
        return new ApiException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Module too large",
                "The module is larger than the limit of " + properties.describeMaxSize()
                        + "; make it smaller (e.g. build in release mode and strip debug sections).");
    }

    @Transactional(readOnly = true)
    public List<FunctionVersion> list(CurrentUser caller, String name) {
        return versions.findByFunctionIdOrderByNumberDesc(
                functionService.get(caller, name).id());
    }

    @Transactional(readOnly = true)
    /**
     * The active version's number of each of {@code functions} that has one, by function id: one query for a whole
     * list, where {@link #activeNumber} per function made one each.
     */
    public Map<Long, Integer> activeNumbers(Collection<FunctionEntity> functions) {
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

    public Integer activeNumber(FunctionEntity function) {
        Long active = function.activeVersionId();
        return active == null
                ? null
                : versions.findById(active).map(FunctionVersion::number).orElse(null);
    }
}
