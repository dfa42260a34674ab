package app.wasmcloud.runtime.replay;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Answers the host calls of a replay from a recording. Each call the guest makes is checked against the next recorded
 * one, by name and arguments; calls that bring the world in ({@link Answers}) get the recorded results and bytes, the
 * others run for real and their results must match. The first mismatch stops the guest and is kept as the
 * {@link Divergence}. Confined to the replay's guest thread.
 */
public final class Replayer implements HostCallLog {

    private final HostCallLogRecorded recorded;
    private final long startedNanos = System.nanoTime();
    private final List<HostCallRecord> replayed = new ArrayList<>();
    private Divergence divergence;
    private boolean ranPastCut;

    public Replayer(HostCallLogRecorded recorded) {
        this.recorded = recorded;
    }

    @Override
    public long[] call(String name, Instance instance, long[] args, WasmFunctionHandle host) {
        int index = replayed.size();
        HostCallRecord actual = new HostCallRecord(name, args.clone(), null, null, System.nanoTime() - startedNanos);
        if (index >= recorded.calls().size()) {
            if (recorded.cut()) {
                ranPastCut = true;
                throw stop(new Divergence(
                        index + 1,
                        "a call the recording no longer holds (it was cut)",
                        "called `" + actual.signature() + "`"));
            }
            throw stop(new Divergence(index + 1, "the guest to end", "called `" + actual.signature() + "`"));
        }
        HostCallRecord expected = recorded.calls().get(index);
        if (!expected.name().equals(name) || !Arrays.equals(expected.args(), args)) {
            throw stop(
                    new Divergence(index + 1, "`" + expected.signature() + "`", "called `" + actual.signature() + "`"));
        }
        replayed.add(expected);
        if (expected.results() == null) {
            // It did not return when recorded (an exit, a trap in the host): run it, so it ends the same way.
            host.apply(instance, args);
            throw stop(new Divergence(index + 1, "`" + expected.signature() + "` not to return", "saw it return"));
        }
        if (Answers.answered(name) || answeredOpen(expected)) {
            Answers.restore(name, instance, args, expected.bytes());
            return expected.results().length == 0 ? null : expected.results().clone();
        }
        long[] results = host.apply(instance, args);
        long[] got = results == null ? new long[0] : results;
        if (!Arrays.equals(got, expected.results())) {
            throw stop(new Divergence(
                    index + 1,
                    "`" + expected.signature() + "` to give " + expected.outcome(),
                    "got " + Arrays.toString(got).replaceAll("[\\[\\]]", "")));
        }
        return results;
    }

    /**
     * An open that failed when recorded failed for a reason of the world (the egress policy there, the requests left),
     * so the replay gives the same error; an open that succeeded runs for real, and must hand out the same id.
     */
    private static boolean answeredOpen(HostCallRecord expected) {
        return expected.name().equals("resource_open") && expected.results().length == 1 && expected.results()[0] < 0;
    }

    private ReplayDivergedException stop(Divergence found) {
        if (divergence == null) {
            divergence = found;
        }
        return new ReplayDivergedException(found);
    }

    @Override
    public int firstResourceId(int chosen) {
        return recorded.firstResourceId() >= 0 ? recorded.firstResourceId() : chosen;
    }

    @Override
    public boolean replaying() {
        return true;
    }

    /** The first divergence, or null when every call so far matched. */
    public Divergence divergence() {
        return divergence;
    }

    /** How many recorded calls the replay went through. */
    public int replayedCalls() {
        return replayed.size();
    }

    /** Whether the guest ran on past the end of a recording that was cut (so nothing after can be exact). */
    public boolean ranPastCut() {
        return ranPastCut;
    }
}
