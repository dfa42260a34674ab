package app.wasmcloud.runtime.replay;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A recording as bytes: the magic {@code WCRR}, a version byte, then the fields of {@link Recording} in order, gzipped.
 * Binary because the log is mostly numbers and bytes; versioned so an older CLI says it is too old instead of
 * misreading a newer recording.
 */
public final class RecordingFormat {

    private static final byte[] MAGIC = {'W', 'C', 'R', 'R'};

    /** No field of a recording is longer than this; a longer one means the bytes are not a recording. */
    private static final int MAX_FIELD_BYTES = 16 * 1024 * 1024;

    private RecordingFormat() {}

    public static byte[] write(Recording recording) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(MAGIC);
        bytes.write(Recording.FORMAT_VERSION);
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeUTF(recording.invocationId());
            writeString(out, recording.function());
            out.writeInt(recording.version());
            writeString(out, recording.entrypoint());
            Recording.Request request = recording.request();
            writeString(out, request.method());
            writeString(out, request.path());
            writeString(out, request.query());
            out.writeInt(request.headers().size());
            for (Recording.Field header : request.headers()) {
                writeString(out, header.name());
                writeString(out, header.value());
            }
            out.writeInt(recording.args().size());
            for (String arg : recording.args()) {
                writeString(out, arg);
            }
            out.writeInt(recording.env().size());
            for (Recording.EnvEntry entry : recording.env()) {
                writeString(out, entry.name());
                writeString(out, entry.value());
                out.writeBoolean(entry.secret());
            }
            writeBytes(out, recording.stdin());
            out.writeLong(recording.stdinLength());
            Recording.RecordedLimits limits = recording.limits();
            out.writeLong(limits.timeoutMillis());
            out.writeInt(limits.maxMemoryPages());
            out.writeInt(limits.maxStdoutBytes());
            out.writeInt(limits.maxStderrBytes());
            out.writeInt(limits.maxLogBytes());
            out.writeInt(limits.maxOpenResources());
            HostCallLogRecorded calls = recording.hostCalls();
            out.writeInt(calls.total());
            out.writeBoolean(calls.cut());
            out.writeInt(calls.firstResourceId());
            out.writeInt(calls.calls().size());
            for (HostCallRecord call : calls.calls()) {
                writeString(out, call.name());
                writeLongs(out, call.args());
                out.writeBoolean(call.results() != null);
                if (call.results() != null) {
                    writeLongs(out, call.results());
                }
                out.writeBoolean(call.bytes() != null);
                if (call.bytes() != null) {
                    writeBytes(out, call.bytes());
                }
                out.writeLong(call.atNanos());
            }
            Recording.Ending ending = recording.ending();
            writeString(out, ending.outcome());
            out.writeInt(ending.exitCode());
            writeString(out, ending.trapMessage());
            writeBytes(out, ending.stdoutSha256());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a recording; bytes that are not one, or one of another format version, are refused with why. */
    public static Recording read(byte[] bytes) throws InvalidRecordingException {
        if (bytes.length < MAGIC.length + 1
                || bytes[0] != MAGIC[0]
                || bytes[1] != MAGIC[1]
                || bytes[2] != MAGIC[2]
                || bytes[3] != MAGIC[3]) {
            throw new InvalidRecordingException("not a Wasmcloud recording");
        }
        int version = bytes[4] & 0xff;
        if (version != Recording.FORMAT_VERSION) {
            throw new InvalidRecordingException("recording format " + version + ", this runtime reads format "
                    + Recording.FORMAT_VERSION + " only");
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(
                new ByteArrayInputStream(bytes, MAGIC.length + 1, bytes.length - MAGIC.length - 1)))) {
            String invocationId = in.readUTF();
            String function = readString(in);
            int functionVersion = in.readInt();
            String entrypoint = readString(in);
            String method = readString(in);
            String path = readString(in);
            String query = readString(in);
            List<Recording.Field> headers = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                headers.add(new Recording.Field(readString(in), readString(in)));
            }
            List<String> args = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                args.add(readString(in));
            }
            List<Recording.EnvEntry> env = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                env.add(new Recording.EnvEntry(readString(in), readString(in), in.readBoolean()));
            }
            byte[] stdin = readBytes(in);
            long stdinLength = in.readLong();
            Recording.RecordedLimits limits = new Recording.RecordedLimits(
                    in.readLong(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
            int total = in.readInt();
            boolean cut = in.readBoolean();
            int firstResourceId = in.readInt();
            List<HostCallRecord> calls = new ArrayList<>();
            for (int i = count(in); i > 0; i--) {
                String name = readString(in);
                long[] callArgs = readLongs(in);
                long[] results = in.readBoolean() ? readLongs(in) : null;
                byte[] written = in.readBoolean() ? readBytes(in) : null;
                calls.add(new HostCallRecord(name, callArgs, results, written, in.readLong()));
            }
            Recording.Ending ending = new Recording.Ending(readString(in), in.readInt(), readString(in), readBytes(in));
            return new Recording(
                    invocationId,
                    function,
                    functionVersion,
                    entrypoint,
                    new Recording.Request(method, path, query, headers),
                    args,
                    env,
                    stdin,
                    stdinLength,
                    limits,
                    new HostCallLogRecorded(calls, total, cut, firstResourceId),
                    ending);
        } catch (IOException | RuntimeException e) {
            throw new InvalidRecordingException("a damaged recording: " + e.getMessage());
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? new String(readBytes(in), StandardCharsets.UTF_8) : null;
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        return in.readNBytes(count(in));
    }

    private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
        out.writeInt(values.length);
        for (long value : values) {
            out.writeLong(value);
        }
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        long[] values = new long[count(in)];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
        }
        return values;
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_FIELD_BYTES) {
            throw new IOException("a length of " + count);
        }
        return count;
    }
}
