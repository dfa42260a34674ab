package com.dylibso.chicory.runtime;

import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.Element;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.FunctionBody;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Global;
import com.dylibso.chicory.wasm.types.Table;
import com.dylibso.chicory.wasm.types.TagType;
import java.util.Map;
import java.util.function.Function;

/**
 * Wasmcloud's one way into Chicory's package-private {@link Instance} constructor: Chicory 1.7.5 has no equivalent of
 * Wasmtime's {@code InstancePre}, so {@link Instance.Builder#build()} resolves the imports by name (string concatenation
 * and a quadratic alias count per import), rebuilds the export map and copies every section on each instantiation.
 * {@code app.wasmcloud.runtime.internal.PreparedModule} does all of that once per module, after one ordinary build has
 * checked that the module links, and comes here for each instance. Kept in Chicory's package (the same class loader
 * loads both jars, so the package is shared at run time) and to this single call, so that a Chicory upgrade that
 * changes the constructor fails to compile here rather than misbehaving. The analysis is in bench/README.md.
 */
public final class PreResolvedInstances {

    private PreResolvedInstances() {}

    /**
     * A new instance, initialised (globals, tables, memory) but not started; every array is the caller's to give,
     * already resolved, and {@code dataSegments} must be this instance's own copy ({@code data.drop} writes to it).
     */
    public static Instance initialized(
            WasmModule module,
            Global[] globalInitializers,
            Memory[] memories,
            DataSegment[] dataSegments,
            FunctionBody[] functions,
            FunctionType[] types,
            int[] functionTypes,
            ImportValues resolvedImports,
            Table[] tables,
            Element[] elements,
            TagType[] tags,
            Map<String, Export> exports,
            Function<Instance, Machine> machineFactory,
            ExecutionListener listener) {
        return new Instance(
                module,
                globalInitializers,
                memories,
                dataSegments,
                functions,
                types,
                functionTypes,
                resolvedImports,
                tables,
                elements,
                tags,
                exports,
                machineFactory,
                null,
                null,
                true,
                false,
                listener);
    }
}
