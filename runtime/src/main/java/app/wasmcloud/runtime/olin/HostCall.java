package app.wasmcloud.runtime.olin;

import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.util.List;

/** One Olin import: its name, its wasm signature and what it does. Registered under every Olin module name. */
record HostCall(String name, FunctionType type, WasmFunctionHandle handle) {

    static FunctionType signature(List<ValType> params, List<ValType> results) {
        return FunctionType.of(params, results);
    }
}
