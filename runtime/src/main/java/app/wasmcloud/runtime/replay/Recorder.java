package app.wasmcloud.runtime.replay;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every host call of one invocation, in order, up to a cap in bytes: past it the calls still run and are
 * counted, but no longer kept, and the recording says it was cut. Confined to the invocation's guest thread.
 */
public final class Recorder implements HostCallLog {

    private final int maxBytes;
    private final long startedNanos = System.nanoTime();
    private final List<HostCallRecord> calls = new ArrayList<>();
    private int bytes;
    private int total;
    private boolean cut;
    private int firstResourceId = -1;

    /** @param maxBytes the most the kept calls may take, arguments, results and bytes counted */
    public Recorder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public long[] call(String name, Instance instance, long[] args, WasmFunctionHandle host) {
        total++;
        long at = System.nanoTime() - startedNanos;
        long[] arguments = args.clone();
        long[] results = null;
        boolean returned = false;
        try {
            results = host.apply(instance, args);
            returned = true;
            return results;
        } finally {
            // A void import returns null from Chicory: it returned, with no results.
            long[] kept = returned ? (results == null ? new long[0] : results.clone()) : null;
            keep(new HostCallRecord(
                    name,
                    arguments,
                    kept,
                    kept == null ? null : Answers.captured(name, instance, arguments, kept),
                    at));
        }
    }

    private void keep(HostCallRecord call) {
        if (cut) {
            return;
        }
        if (bytes + call.size() > maxBytes) {
            cut = true;
            return;
        }
        bytes += call.size();
        calls.add(call);
    }

    @Override
    public int firstResourceId(int chosen) {
        firstResourceId = chosen;
        return chosen;
    }

    /** What was recorded: call it once the invocation has ended. */
    public HostCallLogRecorded recorded() {
        return new HostCallLogRecorded(List.copyOf(calls), total, cut, firstResourceId);
    }
}
