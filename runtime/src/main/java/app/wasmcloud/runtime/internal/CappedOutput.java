package app.wasmcloud.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/** A guest's stdout or stderr: keeps bytes up to its cap, then ends the invocation. */
public final class CappedOutput extends OutputStream {

    private final String name;
    private final int limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    public CappedOutput(String name, int limit) {
        this.name = name;
        this.limit = limit;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** Keeps what fits, so the record shows the start of a flood, then throws. */
    @Override
    public void write(byte[] buffer, int offset, int length) {
        int room = limit - bytes.size();
        if (length > room) {
            bytes.write(buffer, offset, Math.max(room, 0));
            throw new OutputLimitExceededException(name, limit);
        }
        bytes.write(buffer, offset, length);
    }

    public int size() {
        return bytes.size();
    }

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
