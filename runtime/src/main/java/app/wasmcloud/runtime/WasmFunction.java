package app.wasmcloud.runtime;

import app.wasmcloud.runtime.olin.OlinImports;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A validated module compiled to JVM bytecode, ready to be instantiated once per invocation. Compiling is the
 * expensive step, so it happens once here and the machine factory is reused with the same {@link WasmModule}.
 */
public final class WasmFunction {

    /** Machine factories made in this JVM (compiled or loaded from a cache): tests check invocations make none. */
    private static final AtomicLong MACHINE_FACTORIES = new AtomicLong();

    private final WasmModule module;
    private final Function<Instance, Machine> machineFactory;
    private final ModuleInfo info;
    private final MemoryLimits declaredMemory;
    private final boolean entrypointReturnsCode;
    private final boolean loadedFromCache;
    private final ImportValues olinImports;

    private WasmFunction(
            ModuleValidation.Validated validated, Function<Instance, Machine> machineFactory, boolean loadedFromCache) {
        this.module = validated.module();
        this.machineFactory = machineFactory;
        this.loadedFromCache = loadedFromCache;
        this.info = validated.info();
        this.declaredMemory = validated.declaredMemory();
        this.entrypointReturnsCode = validated.entrypointReturnsCode();
        this.olinImports = info.abi() == Abi.OLIN ? OlinImports.forModule(module) : null;
    }

    /**
     * Parses, validates (wasm well-formed, imports known: Olin under env or cwa, or wasi_snapshot_preview1, not mixed;
     * an entrypoint _start or cwa_main or the explicit one; declared initial memory &lt;= maxMemoryPages), then
     * compiles once.
     */
    public static WasmFunction load(byte[] wasm, String entrypointOrNull, int maxMemoryPages)
            throws InvalidModuleException {
        ModuleValidation.Validated validated = ModuleValidation.validate(wasm, entrypointOrNull, maxMemoryPages);
        // Compiled code checks the thread's interrupt flag on back-edges, which is what makes timeouts work.
        // Functions too large for a JVM method are still interpreted; GuestRun guards those separately.
        return new WasmFunction(validated, compile(MachineFactoryCompiler.builder(validated.module())), false);
    }

    /**
     * {@link #load(byte[], String, int)}, taking the compiled classes from {@code cache} when it has them and storing
     * them there when it does not. A cache that fails (unreadable, corrupt, full disk) only costs a compile.
     */
    public static WasmFunction load(byte[] wasm, String entrypointOrNull, int maxMemoryPages, CompiledClassCache cache)
            throws InvalidModuleException {
        ModuleValidation.Validated validated = ModuleValidation.validate(wasm, entrypointOrNull, maxMemoryPages);
        String key = CachedClasses.key(validated.info().sha256());
        CachedClasses cached = new CachedClasses(cache, key, true);
        try {
            Function<Instance, Machine> factory =
                    compile(MachineFactoryCompiler.builder(validated.module()).withCache(cached));
            return new WasmFunction(validated, factory, cached.hit());
        } catch (InvalidModuleException e) {
            if (!cached.hit()) {
                throw e;
            }
            // What the cache held would not load: compile afresh and replace it.
            CachedClasses replacing = new CachedClasses(cache, key, false);
            return new WasmFunction(
                    validated,
                    compile(MachineFactoryCompiler.builder(validated.module()).withCache(replacing)),
                    false);
        }
    }

    private static Function<Instance, Machine> compile(MachineFactoryCompiler.Builder compiler)
            throws InvalidModuleException {
        try {
            Function<Instance, Machine> factory = compiler.compile();
            MACHINE_FACTORIES.incrementAndGet();
            return factory;
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            throw new InvalidModuleException(
                    List.of("the module could not be compiled: " + ModuleValidation.describe(e)));
        }
    }

    /** Validation only (no compile): cheap; same reasons as {@link #load}. */
    public static ModuleInfo inspect(byte[] wasm, String entrypointOrNull, int maxMemoryPages)
            throws InvalidModuleException {
        return ModuleValidation.validate(wasm, entrypointOrNull, maxMemoryPages).info();
    }

    public ModuleInfo info() {
        return info;
    }

    /** Whether the compiled classes came from a {@link CompiledClassCache} rather than from compiling the module. */
    public boolean loadedFromCache() {
        return loadedFromCache;
    }

    static long machineFactoriesCreated() {
        return MACHINE_FACTORIES.get();
    }

    WasmModule module() {
        return module;
    }

    Function<Instance, Machine> machineFactory() {
        return machineFactory;
    }

    /** The Olin host functions the module imports, shared by its invocations; null for a WASI module. */
    ImportValues olinImports() {
        return olinImports;
    }

    /** The memory the module declares, or null when it has none. */
    MemoryLimits declaredMemory() {
        return declaredMemory;
    }

    /** Whether the entrypoint returns its exit code (cwa_main) rather than returning nothing (_start). */
    boolean entrypointReturnsCode() {
        return entrypointReturnsCode;
    }
}
