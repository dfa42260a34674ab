package app.wasmcloud.runtime.replay;

/**
 * Where a replay first went another way than the recording.
 *
 * @param index the host call's number, counted from 1 as the trace shows them; 0 when the calls all matched and what
 *     differs is how the invocation ended
 * @param expected what the recording holds there
 * @param actual what the replay did instead
 */
public record Divergence(int index, String expected, String actual) {

    /** {@code diverged at host call #3: expected `time_now()`, the guest called `random_u32()`}. */
    public String describe() {
        if (index == 0) {
            return "diverged at the end: expected " + expected + ", the replay gave " + actual;
        }
        return "diverged at host call #" + index + ": expected " + expected + ", the guest " + actual;
    }
}
