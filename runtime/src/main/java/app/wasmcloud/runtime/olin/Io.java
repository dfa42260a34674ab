package app.wasmcloud.runtime.olin;

import app.wasmcloud.runtime.olin.resource.OlinResource;
import app.wasmcloud.runtime.olin.resource.OutputResource;
import app.wasmcloud.runtime.olin.resource.StdinResource;
import java.util.List;
import java.util.function.Function;

/** {@code io_get_*}: a new resource on stdin, stdout or stderr at every call. */
final class Io {

    List<HostCall> calls() {
        return List.of(
                HostCall.returningI32("io_get_stdin", instance -> open(context -> new StdinResource(context.stdin))),
                HostCall.returningI32("io_get_stdout", instance -> open(context -> new OutputResource(context.stdout))),
                HostCall.returningI32(
                        "io_get_stderr", instance -> open(context -> new OutputResource(context.stderr))));
    }

    private static int open(Function<OlinContext, OlinResource> resource) {
        OlinContext context = OlinContext.current();
        return context.resources.add(resource.apply(context));
    }
}
