package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I64;

import java.util.List;

/** {@code time_now}: Unix time in seconds, UTC. */
final class Time {

    List<HostCall> calls() {
        return List.of(new HostCall("time_now", HostCall.signature(List.of(), List.of(I64)), (instance, args) ->
                new long[] {System.currentTimeMillis() / 1000}));
    }
}
