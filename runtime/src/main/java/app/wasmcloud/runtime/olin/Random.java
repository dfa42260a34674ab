package app.wasmcloud.runtime.olin;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@code random_*}: fast, non-cryptographic numbers (guests wanting secrets read {@code random://}). */
final class Random {

    List<HostCall> calls() {
        return List.of(
                HostCall.returningI32(
                        "random_i32", instance -> ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE),
                HostCall.returningI64(
                        "random_i64", instance -> ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE),
                HostCall.returningI32(
                        "random_u32", instance -> ThreadLocalRandom.current().nextInt()),
                HostCall.returningI64(
                        "random_u64", instance -> ThreadLocalRandom.current().nextLong()));
    }
}
