package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.Collections;
import java.util.List;

/**
 * One Olin import: its name, its wasm signature and what it does. Registered under every Olin module name.
 *
 * <p>Each import is written as a typed Java method through the factories below, the shape Chicory's {@code
 * @HostModule} generates: every Olin parameter is an i32, so the method's arity and result type give the wasm
 * signature, and no import casts its arguments or wraps its result.
 */
record HostCall(String name, FunctionType type, WasmFunctionHandle handle) {

    @FunctionalInterface
    interface I32Of0 {
        int call(Instance instance);
    }

    @FunctionalInterface
    interface I32Of1 {
        int call(Instance instance, int a);
    }

    @FunctionalInterface
    interface I32Of2 {
        int call(Instance instance, int a, int b);
    }

    @FunctionalInterface
    interface I32Of3 {
        int call(Instance instance, int a, int b, int c);
    }

    @FunctionalInterface
    interface I32Of4 {
        int call(Instance instance, int a, int b, int c, int d);
    }

    @FunctionalInterface
    interface I64Of0 {
        long call(Instance instance);
    }

    @FunctionalInterface
    interface NothingOf1 {
        void call(Instance instance, int a);
    }

    @FunctionalInterface
    interface NothingOf3 {
        void call(Instance instance, int a, int b, int c);
    }

    static HostCall returningI32(String name, I32Of0 call) {
        return new HostCall(name, signature(0, I32), (instance, args) -> new long[] {call.call(instance)});
    }

    static HostCall returningI32(String name, I32Of1 call) {
        return new HostCall(name, signature(1, I32), (instance, args) ->
                new long[] {call.call(instance, i32(args, 0))});
    }

    static HostCall returningI32(String name, I32Of2 call) {
        return new HostCall(name, signature(2, I32), (instance, args) ->
                new long[] {call.call(instance, i32(args, 0), i32(args, 1))});
    }

    static HostCall returningI32(String name, I32Of3 call) {
        return new HostCall(name, signature(3, I32), (instance, args) ->
                new long[] {call.call(instance, i32(args, 0), i32(args, 1), i32(args, 2))});
    }

    static HostCall returningI32(String name, I32Of4 call) {
        return new HostCall(name, signature(4, I32), (instance, args) ->
                new long[] {call.call(instance, i32(args, 0), i32(args, 1), i32(args, 2), i32(args, 3))});
    }

    static HostCall returningI64(String name, I64Of0 call) {
        return new HostCall(name, signature(0, I64), (instance, args) -> new long[] {call.call(instance)});
    }

    static HostCall returningNothing(String name, NothingOf1 call) {
        return new HostCall(name, signature(1, null), (instance, args) -> {
            call.call(instance, i32(args, 0));
            return null;
        });
    }

    static HostCall returningNothing(String name, NothingOf3 call) {
        return new HostCall(name, signature(3, null), (instance, args) -> {
            call.call(instance, i32(args, 0), i32(args, 1), i32(args, 2));
            return null;
        });
    }

    /** {@code params} i32 parameters and one result of type {@code result}, or none when it is null. */
    private static FunctionType signature(int params, ValType result) {
        return FunctionType.of(Collections.nCopies(params, I32), result == null ? List.of() : List.of(result));
    }

    private static int i32(long[] args, int index) {
        return (int) args[index];
    }
}
