package app.wasmcloud.runtime.olin.resource;

import java.util.Arrays;

/** {@code zero://}: an endless supply of zero bytes; writes vanish. */
public final class ZeroResource implements OlinResource {

    @Override
    public int read(byte[] buffer) {
        Arrays.fill(buffer, (byte) 0);
        return buffer.length;
    }

    @Override
    public int write(byte[] data) {
        return data.length;
    }
}
