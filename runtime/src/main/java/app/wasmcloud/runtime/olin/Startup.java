package app.wasmcloud.runtime.olin;

import com.dylibso.chicory.runtime.Instance;
import java.util.List;

/** {@code startup_*}: argv, argv[0] included. */
final class Startup {

    List<HostCall> calls() {
        return List.of(
                HostCall.returningI32(
                        "startup_arg_len",
                        instance -> OlinContext.current().args.size()),
                HostCall.returningI32("startup_arg_at", this::argAt));
    }

    private int argAt(Instance instance, int index, int pointer, int capacity) {
        List<byte[]> arguments = OlinContext.current().args;
        if (index < 0 || index >= arguments.size()) {
            return OlinError.INVALID_ARGUMENT.code();
        }
        return GuestMemory.writeIfFits(instance, pointer, capacity, arguments.get(index), "startup_arg_at");
    }
}
