package app.wasmcloud.runtime.olin;

import app.wasmcloud.runtime.olin.resource.OlinResource;
import app.wasmcloud.runtime.olin.resource.Schemes;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.TrapException;
import java.util.List;

/** {@code resource_*}: open by URL, then read, write, flush and close by id. */
final class Resource {

    /**
     * The most one host call copies between guest memory and the host at a time. A read may return fewer bytes than
     * asked (the ABI allows it); a bigger write is handed to the resource in pieces. Either way a guest asking for
     * gigabytes costs the host this much, not what it asked for.
     */
    static final int MAX_TRANSFER_BYTES = 64 * 1024;

    /** No scheme needs a longer URL; a longer one is refused without copying it out of guest memory. */
    static final int MAX_URL_BYTES = 8 * 1024;

    List<HostCall> calls() {
        return List.of(
                HostCall.returningI32("resource_open", this::open),
                HostCall.returningI32("resource_read", this::read),
                HostCall.returningI32("resource_write", this::write),
                HostCall.returningI32("resource_flush", (instance, id) -> flush(id)),
                HostCall.returningNothing("resource_close", (instance, id) -> close(id)));
    }

    private int open(Instance instance, int pointer, int length) {
        GuestMemory.checkRange(GuestMemory.of(instance, "resource_open"), pointer, length, "resource_open");
        if (Integer.toUnsignedLong(length) > MAX_URL_BYTES) {
            return OlinError.INVALID_ARGUMENT.code();
        }
        String url = GuestMemory.readUtf8(instance, pointer, length, "resource_open");
        if (url == null) {
            return OlinError.INVALID_ARGUMENT.code();
        }
        OlinContext context = OlinContext.current();
        Schemes.Opened opened = context.schemes.open(url);
        return opened.resource() == null ? opened.error().code() : context.resources.add(opened.resource());
    }

    private int read(Instance instance, int id, int pointer, int length) {
        GuestMemory.checkRange(GuestMemory.of(instance, "resource_read"), pointer, length, "resource_read");
        OlinResource resource = OlinContext.current().resources.get(id);
        if (resource == null) {
            return OlinError.INVALID_ARGUMENT.code();
        }
        if (length == 0) {
            return 0;
        }
        byte[] buffer = new byte[(int) Math.min(Integer.toUnsignedLong(length), MAX_TRANSFER_BYTES)];
        int read = resource.read(buffer);
        if (read > 0) {
            GuestMemory.write(instance, pointer, buffer, read, "resource_read");
        }
        return read;
    }

    private int write(Instance instance, int id, int pointer, int length) {
        Memory memory = GuestMemory.of(instance, "resource_write");
        GuestMemory.checkRange(memory, pointer, length, "resource_write");
        OlinResource resource = OlinContext.current().resources.get(id);
        if (resource == null) {
            return OlinError.INVALID_ARGUMENT.code();
        }
        if (length <= MAX_TRANSFER_BYTES) {
            return resource.write(memory.readBytes(pointer, length));
        }
        // In pieces, so the host never holds more than one piece of a write; the guest still sees one call.
        for (int offset = 0; offset < length; offset += MAX_TRANSFER_BYTES) {
            int written =
                    resource.write(memory.readBytes(pointer + offset, Math.min(MAX_TRANSFER_BYTES, length - offset)));
            if (written < 0) {
                return written;
            }
        }
        return length;
    }

    private int flush(int id) {
        OlinResource resource = OlinContext.current().resources.get(id);
        return resource == null ? OlinError.INVALID_ARGUMENT.code() : resource.flush();
    }

    /** The spec calls closing an unknown id a fatal error: the guest has lost track of its own state. */
    private void close(int id) {
        OlinResource resource = OlinContext.current().resources.remove(id);
        if (resource == null) {
            throw new TrapException("resource_close: unknown resource id " + id);
        }
        resource.close();
    }
}
