package app.wasmcloud.runtime.internal;

import app.wasmcloud.runtime.LogLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The log lines of one invocation, kept up to a byte cap; past it lines are dropped and the drop is noted once. */
public final class GuestLog {

    public static final int INFO = 6;
    public static final int WARNING = 3;

    private final int maxBytes;
    private final List<LogLine> lines = new ArrayList<>();
    private int bytes;
    private boolean truncated;

    public GuestLog(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * Appends a line whose text is UTF-8 (invalid bytes become U+FFFD).
     *
     * @return false when the line was dropped because the log is full
     */
    public boolean add(int level, String prefix, byte[] utf8) {
        int size = prefix.getBytes(StandardCharsets.UTF_8).length + utf8.length;
        if (bytes + size > maxBytes) {
            if (!truncated) {
                truncated = true;
                lines.add(new LogLine(WARNING, "log truncated: over the limit of " + maxBytes + " bytes"));
            }
            return false;
        }
        bytes += size;
        lines.add(new LogLine(level, prefix + new String(utf8, StandardCharsets.UTF_8)));
        return true;
    }

    /** The cap on the total bytes of text kept. */
    public int maxBytes() {
        return maxBytes;
    }

    public List<LogLine> lines() {
        return List.copyOf(lines);
    }
}
