package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** {@code random_*}: fast, non-cryptographic numbers (guests wanting secrets read {@code random://}). */
final class Random {

    List<HostCall> calls() {
        return List.of(
                new HostCall("random_i32", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {ThreadLocalRandom.current().nextInt() & Integer.MAX_VALUE}),
                new HostCall("random_i64", HostCall.signature(List.of(), List.of(I64)), (instance, args) ->
                        new long[] {ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE}),
                new HostCall("random_u32", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {ThreadLocalRandom.current().nextInt()}),
                new HostCall("random_u64", HostCall.signature(List.of(), List.of(I64)), (instance, args) ->
                        new long[] {ThreadLocalRandom.current().nextLong()}));
    }
}
