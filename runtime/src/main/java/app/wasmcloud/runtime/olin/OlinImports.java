package app.wasmcloud.runtime.olin;

import app.wasmcloud.runtime.internal.HostCallCounter;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.wasm.types.FunctionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Olin ABI: every host function, under every module name that compilers and the spec use. */
public final class OlinImports {

    /** {@code env} is what compilers emit; {@code cwa} is what the old spec text says. */
    public static final List<String> MODULES = List.of("env", "cwa");

    private static final Map<String, FunctionType> SIGNATURES = signaturesOf(calls(null));

    private OlinImports() {}

    /** Import name → wasm signature, for validating a module before it runs. */
    public static Map<String, FunctionType> signatures() {
        return SIGNATURES;
    }

    /** The host functions of one invocation, each counted under its name. */
    public static ImportValues forInvocation(OlinContext context, HostCallCounter counter) {
        List<ImportFunction> functions = new ArrayList<>();
        for (HostCall call : calls(context)) {
            var handle = counter.counting(call.name(), call.handle());
            for (String module : MODULES) {
                functions.add(new HostFunction(module, call.name(), call.type(), handle));
            }
        }
        return ImportValues.builder().withFunctions(functions).build();
    }

    private static List<HostCall> calls(OlinContext context) {
        return Stream.of(
                        new Log(context).calls(),
                        new Env(context).calls(),
                        new Runtime(context).calls(),
                        new Startup(context).calls(),
                        new Resource(context).calls(),
                        new Io(context).calls(),
                        new Time(context).calls(),
                        new Random(context).calls())
                .flatMap(List::stream)
                .toList();
    }

    private static Map<String, FunctionType> signaturesOf(List<HostCall> calls) {
        Map<String, FunctionType> signatures = new LinkedHashMap<>();
        calls.forEach(call -> signatures.put(call.name(), call.type()));
        return Collections.unmodifiableMap(signatures);
    }
}
