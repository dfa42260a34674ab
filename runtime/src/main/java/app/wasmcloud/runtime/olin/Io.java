package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import app.wasmcloud.runtime.olin.resource.OutputResource;
import app.wasmcloud.runtime.olin.resource.StdinResource;
import java.util.List;

/** {@code io_get_*}: a new resource on stdin, stdout or stderr at every call. */
final class Io {

    private final OlinContext context;

    Io(OlinContext context) {
        this.context = context;
    }

    List<HostCall> calls() {
        return List.of(
                new HostCall("io_get_stdin", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {context.resources.add(new StdinResource(context.stdin))}),
                new HostCall("io_get_stdout", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {context.resources.add(new OutputResource(context.stdout))}),
                new HostCall("io_get_stderr", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {context.resources.add(new OutputResource(context.stderr))}));
    }
}
