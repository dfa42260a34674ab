package app.wasmcloud.runtime.olin.resource;

import app.wasmcloud.runtime.internal.GuestLog;
import app.wasmcloud.runtime.olin.OlinError;

/** {@code log://} and {@code log://?prefix=NAME}: each write is one info line, prefixed {@code NAME: } when named. */
public final class LogResource implements OlinResource {

    private final GuestLog log;
    private final String prefix;

    public LogResource(GuestLog log, String prefixOrNull) {
        this.log = log;
        this.prefix = prefixOrNull == null ? "" : prefixOrNull + ": ";
    }

    @Override
    public int read(byte[] buffer) {
        return OlinError.END_OF_FILE.code();
    }

    @Override
    public int write(byte[] data) {
        return log.add(GuestLog.INFO, prefix, data) ? data.length : OlinError.UNKNOWN.code();
    }
}
