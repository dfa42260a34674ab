package app.wasmcloud.runtime.replay;

/**
 * Stops a guest that has left its recording: nothing it does after that can be answered. The runtime turns it into a
 * trap like any exception from a host call; the {@link Replayer} keeps the divergence itself.
 */
final class ReplayDivergedException extends RuntimeException {

    ReplayDivergedException(Divergence divergence) {
        super(divergence.describe(), null, false, false);
    }
}
