package app.wasmcloud.api.version;

import app.wasmcloud.api.compiled.CompiledClassPublisher;
import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionProperties;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.tier.AccountTiers;
import app.wasmcloud.api.tier.ExamplesCatalog;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.FunctionName;
import app.wasmcloud.runtime.InvalidModuleException;
import app.wasmcloud.runtime.ModuleCompiler;
import app.wasmcloud.runtime.WasmFunction;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides whether an upload may become a version, before anything is stored: the caller's tier, the size cap, the
 * runtime's rules and a compile on the bounded pool, then the target function's own memory limit.
 */
@Component
class ModuleValidator {

    private final ModuleProperties properties;
    private final FunctionProperties functionProperties;
    private final ModuleCompiler compiler;
    private final AccountTiers tiers;
    private final ExamplesCatalog catalog;

    private final CompiledClassPublisher compiledClasses;

    ModuleValidator(
            ModuleProperties properties,
            FunctionProperties functionProperties,
            ModuleCompiler compiler,
            AccountTiers tiers,
            ExamplesCatalog catalog,
            CompiledClassPublisher compiledClasses) {
        this.compiledClasses = compiledClasses;
        this.properties = properties;
        this.functionProperties = functionProperties;
        this.compiler = compiler;
        this.tiers = tiers;
        this.catalog = catalog;
    }

    /**
     * An {@code examples} account may deploy only the catalog's modules; checked on the raw bytes before anything is
     * compiled, so a refused upload costs a hash and nothing more.
     */
    void requireAllowedByTier(CurrentUser caller, byte[] module) {
        if (tiers.of(caller.id()).deploysAnyModule()) {
            return;
        }
        String sha256 = ExamplesCatalog.sha256(module);
        if (!catalog.contains(sha256)) {
            throw ExamplesCatalog.notAnExample(sha256);
        }
    }

    /**
     * The module, compiled, once it passes the platform (the runtime's rules, the module ceiling) and then the memory
     * limit of {@code target}, the function it is deployed to (empty when the upload creates it): a module whose
     * initial memory is over that limit would be refused by the executor on every call.
     */
    WasmFunction validate(byte[] module, FunctionName name, Optional<FunctionEntity> target) {
        if (module.length == 0) {
            throw ApiException.badRequest("The uploaded module is empty.");
        }
        if (module.length > properties.maxSize().toBytes()) {
            throw properties.exceeded();
        }
        WasmFunction compiled;
        try {
            // On the bounded compiler pool: structural limits first, then a compile within its time and memory budget.
            // The classes it generates are kept for the executors (published once the module is stored).
            compiled = compiler.compile(module, null, properties.maxMemoryPages(), compiledClasses);
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
        int memoryLimit = target.map(functionProperties::memoryPagesOf).orElse(functionProperties.defaultMemoryPages());
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
        return compiled;
    }
}
