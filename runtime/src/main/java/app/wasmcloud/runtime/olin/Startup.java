package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import com.dylibso.chicory.runtime.Instance;
import java.util.List;

/** {@code startup_*}: argv, argv[0] included. */
final class Startup {

    private final OlinContext context;

    Startup(OlinContext context) {
        this.context = context;
    }

    List<HostCall> calls() {
        return List.of(
                new HostCall("startup_arg_len", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {context.args.size()}),
                new HostCall(
                        "startup_arg_at", HostCall.signature(List.of(I32, I32, I32), List.of(I32)), (instance, args) ->
                                new long[] {argAt(instance, (int) args[0], (int) args[1], (int) args[2])}));
    }

    private int argAt(Instance instance, int index, int pointer, int capacity) {
        if (index < 0 || index >= context.args.size()) {
            return OlinError.INVALID_ARGUMENT.code();
        }
        return GuestMemory.writeIfFits(instance, pointer, capacity, context.args.get(index), "startup_arg_at");
    }
}
