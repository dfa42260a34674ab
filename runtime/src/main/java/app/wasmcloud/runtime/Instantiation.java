package app.wasmcloud.runtime;

import app.wasmcloud.runtime.internal.FlatMemory;
import app.wasmcloud.runtime.internal.MemoryImage;
import com.dylibso.chicory.runtime.ExecutionListener;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.PreResolvedInstances;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TagSection;
import com.dylibso.chicory.wasm.types.TagType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything about instantiating one module that does not depend on the request, worked out once when it is loaded,
 * as Wasmtime's {@code InstancePre} does: which host function each import is, the module's sections as arrays, its
 * exports by name, and its {@link MemoryImage}. An invocation then only supplies its host functions and its memory.
 *
 * <p>Chicory links a module by name on every {@link Instance.Builder#build()}; one such build, at load time, proves
 * that the module links, and records where each import found its function. The host functions of a later invocation
 * come in the same order (Olin's are shared by all invocations; WASI's are built per invocation by the same code), so
 * they are placed by that record, and their names are checked against it.
 */
final class Instantiation {

    private static final Memory[] NO_MEMORY = new Memory[0];

    private final WasmModule module;
    private final Function<Instance, Machine> machineFactory;
    private final ImportValues sharedHostFunctions;
    private final ImportValues sharedResolved;
    /** For the k-th imported function: its index among the host functions, and its name. */
    private final int[] hostFunctionIndex;

    private final String[] importNames;

    private final Global[] globals;
    private final DataSegment[] dataSegments;
    private final FunctionBody[] functions;
    private final FunctionType[] types;
    private final int[] functionTypes;
    private final Table[] tables;
    private final Element[] elements;
    private final TagType[] tags;
    private final Map<String, Export> exports;
    private final boolean hasMemory;
    private final MemoryImage image;

    /**
     * @param hostFunctions host functions of the shape every invocation will give: the very ones, when they are shared
     * @throws com.dylibso.chicory.wasm.ChicoryException when the module does not link against them
     */
    Instantiation(WasmModule module, Function<Instance, Machine> machineFactory, ImportValues hostFunctions) {
        this.module = module;
        this.machineFactory = machineFactory;
        // Linking only: the interpreter is the cheapest machine, and the memory commits nothing until it is touched.
        Instance linked = Instance.builder(module)
                .withImportValues(hostFunctions)
                .withMachineFactory(InterpreterMachine::new)
                .withMemoryFactory(FlatMemory::new)
                .withInitialize(false)
                .build();
        this.sharedHostFunctions = hostFunctions;
        this.sharedResolved = linked.imports();
        this.hostFunctionIndex = new int[sharedResolved.functionCount()];
        this.importNames = new String[sharedResolved.functionCount()];
        for (int k = 0; k < hostFunctionIndex.length; k++) {
            ImportFunction resolved = sharedResolved.function(k);
            hostFunctionIndex[k] = indexOf(hostFunctions, resolved);
            importNames[k] = resolved.name();
        }
        this.globals = module.globalSection().globals();
        this.dataSegments = module.dataSection().dataSegments();
        this.functions = module.codeSection().functionBodies();
        this.types = module.typeSection().types();
        this.functionTypes = new int[linked.functionCount()];
        for (int i = 0; i < functionTypes.length; i++) {
            functionTypes[i] = linked.functionType(i);
        }
        this.tables = new Table[module.tableSection().tableCount()];
        for (int i = 0; i < tables.length; i++) {
            tables[i] = module.tableSection().getTable(i);
        }
        this.elements = module.elementSection().elements();
        this.tags = module.tagSection().map(TagSection::types).orElse(null);
        this.exports = exportsByName(module.exportSection());
        this.hasMemory = linked.memory() != null;
        this.image = MemoryImage.of(module);
    }

    /** The image each instance's memory starts from, or null when the segments are applied per instance. */
    MemoryImage image() {
        return image;
    }

    /**
     * A new, initialised instance (not started) over {@code hostFunctions}, which must be the shared ones or ones in the
     * same order, and {@code memory}, which must be given exactly when the module has one.
     */
    Instance instantiate(ImportValues hostFunctions, FlatMemory memory, ExecutionListener listener) {
        if ((memory != null) != hasMemory) {
            throw new IllegalArgumentException(hasMemory ? "the module needs a memory" : "the module has no memory");
        }
        return PreResolvedInstances.initialized(
                module,
                globals,
                memory == null ? NO_MEMORY : new Memory[] {memory},
                dataSegments.clone(),
                functions,
                types,
                functionTypes,
                resolved(hostFunctions),
                tables,
                elements,
                tags,
                exports,
                machineFactory,
                listener);
    }

    private ImportValues resolved(ImportValues hostFunctions) {
        if (hostFunctions == sharedHostFunctions) {
            return sharedResolved;
        }
        ImportFunction[] placed = new ImportFunction[hostFunctionIndex.length];
        for (int k = 0; k < placed.length; k++) {
            ImportFunction function = hostFunctions.function(hostFunctionIndex[k]);
            // Same code, same order: a mismatch is a bug here, and linking the wrong function must never happen.
            if (!function.name().equals(importNames[k])) {
                throw new IllegalStateException(
                        "host function " + function.name() + " where the module imports " + importNames[k]);
            }
            placed[k] = function;
        }
        return ImportValues.builder().addFunction(placed).build();
    }

    private static int indexOf(ImportValues hostFunctions, ImportFunction function) {
        for (int j = 0; j < hostFunctions.functionCount(); j++) {
            if (hostFunctions.function(j) == function) {
                return j;
            }
        }
        throw new IllegalStateException("Chicory linked " + function.name() + " to a function it was not given");
    }

    private static Map<String, Export> exportsByName(ExportSection section) {
        Map<String, Export> byName = new HashMap<>();
        for (int i = 0; i < section.exportCount(); i++) {
            Export export = section.getExport(i);
            byName.put(export.name(), export);
        }
        return Map.copyOf(byName);
    }
}
