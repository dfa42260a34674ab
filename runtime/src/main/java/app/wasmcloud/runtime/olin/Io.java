package app.wasmcloud.runtime.olin;

import static com.dylibso.chicory.wasm.types.ValType.I32;

import app.wasmcloud.runtime.olin.resource.OlinResource;
import app.wasmcloud.runtime.olin.resource.OutputResource;
import app.wasmcloud.runtime.olin.resource.StdinResource;
import java.util.List;
import java.util.function.Function;

/** {@code io_get_*}: a new resource on stdin, stdout or stderr at every call. */
final class Io {

    List<HostCall> calls() {
        return List.of(
                new HostCall("io_get_stdin", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {open(context -> new StdinResource(context.stdin))}),
                new HostCall("io_get_stdout", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {open(context -> new OutputResource(context.stdout))}),
                new HostCall("io_get_stderr", HostCall.signature(List.of(), List.of(I32)), (instance, args) ->
                        new long[] {open(context -> new OutputResource(context.stderr))}));
    }

    private static int open(Function<OlinContext, OlinResource> resource) {
        OlinContext context = OlinContext.current();
        return context.resources.add(resource.apply(context));
    }
}
