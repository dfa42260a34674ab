package app.wasmcloud.runtime.internal;

/**
 * A cursor over a module's bytes that decodes the binary format's integers without allocating. Reading past the end
 * of the current range, or an encoding this platform does not know, throws {@link Malformed}.
 */
final class WasmReader {

    /** The bytes do not follow the binary format, or use an instruction this platform does not run. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final byte[] bytes;
    private int position;
    private int end;

    WasmReader(byte[] bytes, int position, int end) {
        this.bytes = bytes;
        this.position = position;
        this.end = end;
    }

    int position() {
        return position;
    }

    boolean hasMore() {
        return position < end;
    }

    int end() {
        return end;
    }

    /** Narrows reading to {@code [position, newEnd)}; returns the old end to restore with {@link #limit}. */
    int limit(int newEnd) throws Malformed {
        if (newEnd < position || newEnd > bytes.length) {
            throw new Malformed("a length runs past the end of the module");
        }
        int old = end;
        end = newEnd;
        return old;
    }

    void seek(int newPosition) throws Malformed {
        if (newPosition < position || newPosition > end) {
            throw new Malformed("a length runs past the end of its section");
        }
        position = newPosition;
    }

    int u8() throws Malformed {
        if (position >= end) {
            throw new Malformed("unexpected end");
        }
        return bytes[position++] & 0xff;
    }

    int peek() throws Malformed {
        if (position >= end) {
            throw new Malformed("unexpected end");
        }
        return bytes[position] & 0xff;
    }

    /** Skips a value type: one byte, or a reference type prefix and its heap type. */
    void skipValueType() throws Malformed {
        int type = u8();
        if (type == 0x63 || type == 0x64) {
            skipLeb();
        }
    }

    void skip(int count) throws Malformed {
        seek(position + count);
    }

    /** An unsigned LEB128 of up to 32 bits, as a long so that counts near 2^32 cannot wrap. */
    long u32() throws Malformed {
        long result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new Malformed("integer too long");
    }

    /** An unsigned LEB128 of up to 64 bits (memory64 limits and offsets), saturating. */
    long u64() throws Malformed {
        long result = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = u8();
            if (shift < 63) {
                result |= (long) (b & 0x7f) << shift;
            } else if ((b & 0x7f) != 0) {
                result = Long.MAX_VALUE;
            }
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new Malformed("integer too long");
    }

    /** Skips a signed LEB128 of any width up to 64 bits (constants, block types, heap types). */
    void skipLeb() throws Malformed {
        for (int i = 0; i < 10; i++) {
            if ((u8() & 0x80) == 0) {
                return;
            }
        }
        throw new Malformed("integer too long");
    }

    /** Skips a length-prefixed name. */
    void skipName() throws Malformed {
        skip(Math.toIntExact(Math.min(u32(), Integer.MAX_VALUE)));
    }
}
