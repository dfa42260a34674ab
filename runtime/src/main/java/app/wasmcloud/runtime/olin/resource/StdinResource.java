package app.wasmcloud.runtime.olin.resource;

import app.wasmcloud.runtime.internal.CountingInput;
import app.wasmcloud.runtime.olin.OlinError;

/** The invocation's stdin (the request body). Every stdin resource shares one read position. */
public final class StdinResource implements OlinResource {

    private final CountingInput stdin;

    public StdinResource(CountingInput stdin) {
        this.stdin = stdin;
    }

    @Override
    public int read(byte[] buffer) {
        int read = stdin.read(buffer, 0, buffer.length);
        return read <= 0 ? OlinError.END_OF_FILE.code() : read;
    }
}
