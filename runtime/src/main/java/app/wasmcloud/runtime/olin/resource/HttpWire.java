package app.wasmcloud.runtime.olin.resource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The HTTP/1.1 bytes an {@link HttpResource} reads from the guest and hands back to it. */
final class HttpWire {

    private static final Pattern REQUEST_LINE = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^ ]+ HTTP/1\\.[01]");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] [1-5][0-9][0-9]( .*)?");

    record Request(String method, String target, List<String[]> headers, byte[] body) {}

    private HttpWire() {}

    /** What the guest wrote: a request line, headers, an empty line, a body (LF or CRLF line ends). */
    static Request parseRequest(byte[] raw) {
        int end = headerEnd(raw, raw.length);
        if (end < 0) {
            throw new IllegalArgumentException("the request has no empty line after its headers");
        }
        List<String> lines = lines(Arrays.copyOfRange(raw, 0, end));
        if (lines.isEmpty() || !REQUEST_LINE.matcher(lines.getFirst()).matches()) {
            throw new IllegalArgumentException("the request does not start with a line like \"GET /path HTTP/1.1\"");
        }
        String[] requestLine = lines.getFirst().split(" ");
        List<String[]> headers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            headers.add(header(line));
        }
        return new Request(
                requestLine[0], requestLine[1], headers, Arrays.copyOfRange(raw, bodyStart(raw, end), raw.length));
    }

    /** The request as sent: our Host and framing, the guest's other headers, one request per connection. */
    static byte[] requestBytes(Request request, String host, List<String> droppedHeaders) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append("\r\n");
        for (String[] header : request.headers()) {
            if (!droppedHeaders.contains(header[0].toLowerCase(Locale.ROOT))) {
                head.append(header[0]).append(": ").append(header[1]).append("\r\n");
            }
        }
        if (request.body().length > 0) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(request.body());
        return out.toByteArray();
    }

    /** Reads one response and re-frames it with a Content-Length, de-chunked, so the guest never has to. */
    static byte[] readResponse(InputStream in, int maxBytes, long deadlineNanos) throws IOException {
        byte[] received = readAll(in, maxBytes, deadlineNanos);
        int end = headerEnd(received, received.length);
        if (end < 0) {
            throw new IOException("the response ended before its headers did");
        }
        List<String> lines = lines(Arrays.copyOfRange(received, 0, end));
        if (lines.isEmpty() || !STATUS_LINE.matcher(lines.getFirst()).matches()) {
            throw new IOException("the response does not start with an HTTP/1.x status line");
        }
        byte[] rest = Arrays.copyOfRange(received, bodyStart(received, end), received.length);
        boolean chunked = false;
        long contentLength = -1;
        StringBuilder head = new StringBuilder(lines.getFirst()).append("\r\n");
        for (String line : lines.subList(1, lines.size())) {
            String[] header = header(line);
            String name = header[0].toLowerCase(Locale.ROOT);
            switch (name) {
                case "transfer-encoding" ->
                    chunked = header[1].toLowerCase(Locale.ROOT).contains("chunked");
                case "content-length" -> contentLength = Long.parseLong(header[1].trim());
                case "connection", "keep-alive" -> {}
                default -> head.append(line).append("\r\n");
            }
        }
        byte[] body = chunked ? dechunk(rest) : contentLength >= 0 ? prefix(rest, contentLength) : rest;
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /**
     * Reads to the end (the request said Connection: close). Socket reads ignore thread interrupts, so the socket has
     * a short read timeout and this loop checks the request's deadline and the invocation's interrupt in between.
     */
    private static byte[] readAll(InputStream in, int maxBytes, long deadlineNanos) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (true) {
            int read;
            try {
                read = in.read(buffer);
            } catch (SocketTimeoutException idle) {
                if (Thread.currentThread().isInterrupted() || System.nanoTime() - deadlineNanos > 0) {
                    throw new IOException("the response did not arrive in time");
                }
                continue;
            }
            if (read < 0) {
                return out.toByteArray();
            }
            if (out.size() + read > maxBytes) {
                throw new IOException("the response is over the limit of " + maxBytes + " bytes");
            }
            out.write(buffer, 0, read);
        }
    }

    private static byte[] prefix(byte[] rest, long length) throws IOException {
        if (rest.length < length) {
            throw new IOException("the response body is shorter than its Content-Length");
        }
        return Arrays.copyOf(rest, (int) length);
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (true) {
            int lineEnd = indexOf(chunked, position);
            if (lineEnd < 0) {
                throw new IOException("truncated chunked body");
            }
            String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.ISO_8859_1);
            int size;
            try {
                size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("invalid chunk size: " + sizeLine.trim());
            }
            position = lineEnd + 1;
            if (size == 0) {
                return body.toByteArray();
            }
            if (size < 0 || position + size > chunked.length) {
                throw new IOException("truncated chunked body");
            }
            body.write(chunked, position, size);
            position += size;
            int next = indexOf(chunked, position);
            position = next < 0 ? chunked.length : next + 1;
        }
    }

    /** Where the empty line ending the header block starts, or -1. */
    private static int headerEnd(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\n') {
                if (i + 1 < length && bytes[i + 1] == '\n') {
                    return i + 1;
                }
                if (i + 2 < length && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int bodyStart(byte[] bytes, int headerEnd) {
        return bytes[headerEnd] == '\r' ? headerEnd + 2 : headerEnd + 1;
    }

    private static List<String> lines(byte[] block) {
        List<String> lines = new ArrayList<>();
        for (String line : new String(block, StandardCharsets.ISO_8859_1).split("\n")) {
            String trimmed = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!trimmed.isEmpty()) {
                lines.add(trimmed);
            }
        }
        return lines;
    }

    private static String[] header(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0 || line.chars().anyMatch(c -> (c < ' ' && c != '\t') || c == 0x7f)) {
            throw new IllegalArgumentException("invalid header line");
        }
        return new String[] {
            line.substring(0, colon).trim(), line.substring(colon + 1).trim()
        };
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
