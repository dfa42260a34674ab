package app.wasmcloud.runtime.internal;

import java.io.ByteArrayInputStream;

/** A guest's stdin: the request body, counting how much of it the guest actually read. */
public final class CountingInput extends ByteArrayInputStream {

    private final int total;

    public CountingInput(byte[] stdin) {
        super(stdin);
        this.total = stdin.length;
    }

    public synchronized long bytesRead() {
        return total - available();
    }
}
