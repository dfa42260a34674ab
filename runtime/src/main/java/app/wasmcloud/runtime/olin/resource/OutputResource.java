package app.wasmcloud.runtime.olin.resource;

import app.wasmcloud.runtime.internal.CappedOutput;

/** The invocation's stdout or stderr; write-only. Writing past the cap ends the invocation. */
public final class OutputResource implements OlinResource {

    private final CappedOutput output;

    public OutputResource(CappedOutput output) {
        this.output = output;
    }

    @Override
    public int write(byte[] data) {
        output.write(data, 0, data.length);
        return data.length;
    }
}
