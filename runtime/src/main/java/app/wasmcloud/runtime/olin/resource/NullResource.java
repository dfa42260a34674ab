package app.wasmcloud.runtime.olin.resource;

import app.wasmcloud.runtime.olin.OlinError;

/** {@code null://}: nothing to read, writes vanish. */
public final class NullResource implements OlinResource {

    @Override
    public int read(byte[] buffer) {
        return OlinError.END_OF_FILE.code();
    }

    @Override
    public int write(byte[] data) {
        return data.length;
    }
}
