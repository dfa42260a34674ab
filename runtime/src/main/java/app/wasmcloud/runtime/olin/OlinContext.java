package app.wasmcloud.runtime.olin;

import app.wasmcloud.runtime.internal.CappedOutput;
import app.wasmcloud.runtime.internal.CountingInput;
import app.wasmcloud.runtime.internal.GuestLog;
import app.wasmcloud.runtime.internal.HostCallCounter;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import app.wasmcloud.runtime.olin.resource.ResourceTable;
import app.wasmcloud.runtime.olin.resource.Schemes;
import app.wasmcloud.runtime.replay.HostCallLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What the Olin host functions of one invocation see and change. Confined to the guest thread, where {@link #bind}
 * makes it current: the host functions themselves are built once per module and shared by every invocation.
 */
public final class OlinContext {

    private static final ThreadLocal<OlinContext> CURRENT = new ThreadLocal<>();

    final List<byte[]> args;
    final Map<String, String> env;
    final CountingInput stdin;
    final CappedOutput stdout;
    final CappedOutput stderr;
    final GuestLog log;
    final ResourceTable resources;
    final Schemes schemes;
    final HostCallCounter hostCalls;
    final CpuSlot slot;
    final HostCallLog hostCallLog;

    public OlinContext(
            List<String> args,
            Map<String, String> env,
            CountingInput stdin,
            CappedOutput stdout,
            CappedOutput stderr,
            GuestLog log,
            int maxOpenResources,
            EgressPolicy egress,
            HostCallCounter hostCalls,
            CpuSlot slot,
            HostCallLog hostCallLog) {
        this.args =
                args.stream().map(arg -> arg.getBytes(StandardCharsets.UTF_8)).toList();
        this.env = env;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.log = log;
        this.hostCallLog = hostCallLog;
        this.resources =
                new ResourceTable(maxOpenResources, hostCallLog.firstResourceId(ResourceTable.randomFirstId()));
        this.schemes = new Schemes(log, egress, slot, hostCallLog.replaying(), hostCalls);
        this.hostCalls = hostCalls;
        this.slot = slot;
    }

    /**
     * Makes this the context of the Olin host functions called on this thread, until the returned binding is closed;
     * closing it also releases what the guest left open.
     */
    public Binding bind() {
        CURRENT.set(this);
        return new Binding(this);
    }

    /** The context bound to the calling thread: only guest threads call host functions, always inside a binding. */
    static OlinContext current() {
        OlinContext context = CURRENT.get();
        if (context == null) {
            throw new IllegalStateException("an Olin host function was called outside an invocation");
        }
        return context;
    }

    /** An invocation's hold on its thread. */
    public record Binding(OlinContext context) implements AutoCloseable {
        @Override
        public void close() {
            CURRENT.remove();
            context.resources.closeAll();
        }
    }
}
