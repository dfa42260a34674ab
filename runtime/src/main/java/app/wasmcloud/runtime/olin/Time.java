package app.wasmcloud.runtime.olin;

import java.util.List;

/** {@code time_now}: Unix time in seconds, UTC. */
final class Time {

    List<HostCall> calls() {
        return List.of(HostCall.returningI64("time_now", instance -> System.currentTimeMillis() / 1000));
    }
}
