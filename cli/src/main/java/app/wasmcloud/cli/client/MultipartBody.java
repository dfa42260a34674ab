package app.wasmcloud.cli.client;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A multipart/form-data body with one file part, streamed from disk rather than read into memory. */
public final class MultipartBody {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final byte[] head;
    private final byte[] tail;
    private final Path file;

    private MultipartBody(String boundary, byte[] head, byte[] tail, Path file) {
        this.boundary = boundary;
        this.head = head;
        this.tail = tail;
        this.file = file;
    }

    public static MultipartBody ofFile(String partName, Path file, String contentType) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String boundary = "wasmcloud-" + HexFormat.of().formatHex(random);
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + quote(partName) + "\"; filename=\""
                + quote(file.getFileName().toString()) + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        return new MultipartBody(
                boundary, head.getBytes(StandardCharsets.UTF_8), tail.getBytes(StandardCharsets.UTF_8), file);
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body's length in bytes. */
    public long length() {
        try {
            return head.length + Files.size(file) + tail.length;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BodyPublisher publisher() {
        try {
            return BodyPublishers.concat(
                    BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(file), BodyPublishers.ofByteArray(tail));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escapes a quoted form-data parameter the way browsers do (WHATWG multipart/form-data encoding). */
    private static String quote(String value) {
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
