package app.wasmcloud.runtime.olin;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Olin ABI: every host function, under every module name that compilers and the spec use. The functions are
 * built once; each call acts on the invocation {@link OlinContext#bind bound} to the calling thread.
 */
public final class OlinImports {

    /** {@code env} is what compilers emit; {@code cwa} is what the old spec text says. */
    public static final List<String> MODULES = List.of("env", "cwa");

    private static final Map<String, HostCall> CALLS = byName(Stream.of(
                    new Log().calls(),
                    new Env().calls(),
                    new Runtime().calls(),
                    new Startup().calls(),
                    new Resource().calls(),
                    new Io().calls(),
                    new Time().calls(),
                    new Random().calls())
            .flatMap(List::stream)
            .toList());

    private static final Map<String, FunctionType> SIGNATURES = signaturesOf(CALLS);

    private OlinImports() {}

    /** Import name → wasm signature, for validating a module before it runs. */
    public static Map<String, FunctionType> signatures() {
        return SIGNATURES;
    }

    /**
     * The host functions {@code module} imports, each counting its calls under its name; built once per module and
     * shared by its invocations. Imports that are not Olin functions are left out (validation has refused them).
     */
    public static ImportValues forModule(WasmModule module) {
        List<ImportFunction> functions = new ArrayList<>();
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imported = module.importSection().getImport(i);
            HostCall call = CALLS.get(imported.name());
            if (imported.importType() == ExternalType.FUNCTION && MODULES.contains(imported.module()) && call != null) {
                String name = call.name();
                var handle = call.handle();
                functions.add(new HostFunction(imported.module(), name, call.type(), (instance, args) -> {
                    OlinContext context = OlinContext.current();
                    context.hostCalls.count(name);
                    return context.hostCallLog.call(name, instance, args, handle);
                }));
            }
        }
        return ImportValues.builder().withFunctions(functions).build();
    }

    private static Map<String, HostCall> byName(List<HostCall> calls) {
        Map<String, HostCall> byName = new LinkedHashMap<>();
        calls.forEach(call -> byName.put(call.name(), call));
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, FunctionType> signaturesOf(Map<String, HostCall> calls) {
        Map<String, FunctionType> signatures = new LinkedHashMap<>();
        calls.forEach((name, call) -> signatures.put(name, call.type()));
        return Collections.unmodifiableMap(signatures);
    }
}
