package app.wasmcloud.runtime.olin.resource;

/**
 * An HTTP resource on replay: it takes the request the guest writes, as the real one does, and never sends it; its
 * reads and flushes are answered from the recording before they reach it.
 */
final class ReplayedHttpResource implements OlinResource {

    @Override
    public int write(byte[] data) {
        return data.length;
    }
}
