package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import com.dylibso.chicory.runtime.Instance;
import java.util.List;

/** {@code startup_*}: argv, argv[0] included. */
final class Startup {

    List<HostCall> calls() {
        return List.of(
                new HostCall("startup_arg_len", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {OlinContext.current().args.size()}),
                new HostCall(
                        "startup_arg_at", HostCall.signature(List.of(I32, I32, I32), List.of(I32)), (instance, args) ->
                                new long[] {argAt(instance, (int) args[0], (int) args[1], (int) args[2])}));
    }

    private int argAt(Instance instance, int index, int pointer, int capacity) {
        List<byte[]> arguments = OlinContext.current().args;
        if (index < 0 || index >= arguments.size()) {
            return OlinError.INVALID_ARGUMENT.code();
        }
        return GuestMemory.writeIfFits(instance, pointer, capacity, arguments.get(index), "startup_arg_at");
    }
}
