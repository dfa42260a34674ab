package app.wasmcloud.runtime.replay;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;

/**
 * The one seam through which every host call of an invocation passes, Olin and WASI alike: the place where
 * non-deterministic results (time, random, bytes read from resources, clocks) enter the guest, so it is where they are
 * recorded and where a replay answers them. {@link #OFF} runs the call and nothing else, so an invocation that is not
 * recorded pays one interface call per host call.
 */
public interface HostCallLog {

    HostCallLog OFF = (name, instance, args, host) -> host.apply(instance, args);

    /**
     * Runs the host call {@code name} for the guest, through {@code host} (the real host function) or not, and returns
     * what the guest gets.
     */
    long[] call(String name, Instance instance, long[] args, WasmFunctionHandle host);

    /**
     * The first Olin resource id of the invocation. The runtime picks it at random (guests must not assume 0/1/2), so
     * it is as much an input of the invocation as time is: recorded, and given back on replay.
     */
    default int firstResourceId(int chosen) {
        return chosen;
    }

    /** Whether calls are answered from a recording: then HTTP resources are stand-ins that never touch the network. */
    default boolean replaying() {
        return false;
    }
}
