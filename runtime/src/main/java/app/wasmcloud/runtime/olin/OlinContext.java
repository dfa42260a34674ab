package app.wasmcloud.runtime.olin;

import app.wasmcloud.runtime.internal.CappedOutput;
import app.wasmcloud.runtime.internal.CountingInput;
import app.wasmcloud.runtime.internal.GuestLog;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.runtime.olin.resource.ResourceTable;
import app.wasmcloud.runtime.olin.resource.Schemes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** What the Olin host functions of one invocation see and change. Confined to the guest thread. */
public final class OlinContext {

    final List<byte[]> args;
    final Map<String, String> env;
    final CountingInput stdin;
    final CappedOutput stdout;
    final CappedOutput stderr;
    final GuestLog log;
    final ResourceTable resources;
    final Schemes schemes;

    public OlinContext(
            List<String> args,
            Map<String, String> env,
            CountingInput stdin,
            CappedOutput stdout,
            CappedOutput stderr,
            GuestLog log,
            int maxOpenResources,
            EgressPolicy egress) {
        this.args =
                args.stream().map(arg -> arg.getBytes(StandardCharsets.UTF_8)).toList();
        this.env = env;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.log = log;
        this.resources = new ResourceTable(maxOpenResources);
        this.schemes = new Schemes(log, egress);
    }

    /** Releases what the guest left open. */
    public void close() {
        resources.closeAll();
    }
}
