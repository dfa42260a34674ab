package app.wasmcloud.runtime.cgi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function's reply, parsed from its stdout (RFC 3875 §6 as cgi.md pins it down).
 *
 * @param status the HTTP status
 * @param headers the headers to send, in the order written, repeated ones kept; framing and hop-by-hop fields and
 *     {@code Status} removed. Values carry their bytes one per char (ISO-8859-1), as servlet containers write them
 * @param body the body, byte for byte as written
 */
public record CgiResponse(int status, List<Header> headers, byte[] body) {

    private static final Pattern STATUS = Pattern.compile("([1-5][0-9][0-9])(?:[ \\t].*)?");
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/[0-9]\\.[0-9] ([1-5][0-9][0-9])(?: .*)?");

    public CgiResponse {
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The first value of a header, by case-insensitive name, or null. */
    public String header(String name) {
        return headers.stream()
                .filter(header -> header.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst()
                .orElse(null);
    }

    /**
     * Reads stdout as a header block ended by the first empty line (lines end in LF or CRLF), then the body. A
     * status line {@code HTTP/1.1 NNN reason} first is a non-parsed-header response and is read the same way.
     *
     * @throws InvalidCgiResponseException no output, no blank line, an invalid header, or a body without type
     */
    public static CgiResponse parse(byte[] stdout) throws InvalidCgiResponseException {
        if (stdout == null || stdout.length == 0) {
            throw new InvalidCgiResponseException(
                    "the function wrote nothing to stdout; a CGI reply starts with headers such as"
                            + " \"Content-Type: text/plain\", then an empty line, then the body");
        }
        List<String> lines = new ArrayList<>();
        int bodyStart = readHeaderLines(stdout, lines);
        byte[] body = Arrays.copyOfRange(stdout, bodyStart, stdout.length);

        Integer status = null;
        int first = 0;
        if (!lines.isEmpty() && lines.getFirst().startsWith("HTTP/")) {
            Matcher statusLine = STATUS_LINE.matcher(lines.getFirst());
            if (!statusLine.matches()) {
                throw new InvalidCgiResponseException("invalid status line: " + printable(lines.getFirst()));
            }
            status = code(statusLine.group(1));
            first = 1;
        }
        List<Header> headers = new ArrayList<>();
        boolean hasContentType = false;
        boolean hasLocation = false;
        for (String line : lines.subList(first, lines.size())) {
            Header header = parseHeader(line);
            String name = HttpTokens.lower(header.name());
            switch (name) {
                case "status" -> {
                    if (status != null) {
                        throw new InvalidCgiResponseException("more than one status");
                    }
                    Matcher value = STATUS.matcher(header.value());
                    if (!value.matches()) {
                        throw new InvalidCgiResponseException("invalid Status: " + printable(header.value()));
                    }
                    status = code(value.group(1));
                }
                case "content-type" -> {
                    if (hasContentType) {
                        throw new InvalidCgiResponseException("more than one Content-Type");
                    }
                    hasContentType = true;
                    headers.add(header);
                }
                case "location" -> {
                    if (hasLocation) {
                        throw new InvalidCgiResponseException("more than one Location");
                    }
                    hasLocation = true;
                    headers.add(header);
                }
                // The server frames the body itself; hop-by-hop fields describe a connection the function never saw.
                case "content-length" -> {}
                default -> {
                    if (!HttpTokens.HOP_BY_HOP.contains(name)) {
                        headers.add(header);
                    }
                }
            }
        }
        if (body.length > 0 && !hasContentType && !hasLocation) {
            throw new InvalidCgiResponseException("the reply has a body but no Content-Type header");
        }
        if (status == null) {
            // Status wins over Location whatever their order; a Location alone is a redirect, local or absolute.
            status = hasLocation ? 302 : 200;
        }
        return new CgiResponse(status, headers, body);
    }

    /** Splits the header block into lines without their LF or CRLF; returns where the body starts. */
    private static int readHeaderLines(byte[] stdout, List<String> lines) throws InvalidCgiResponseException {
        int lineStart = 0;
        while (true) {
            int newline = indexOf(stdout, (byte) '\n', lineStart);
            if (newline < 0) {
                throw new InvalidCgiResponseException(
                        "no empty line ends the headers; write an empty line after the last header, even without a"
                                + " body");
            }
            int lineEnd = newline > lineStart && stdout[newline - 1] == '\r' ? newline - 1 : newline;
            if (lineEnd == lineStart) {
                return newline + 1;
            }
            lines.add(new String(stdout, lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1));
            lineStart = newline + 1;
        }
    }

    private static Header parseHeader(String line) throws InvalidCgiResponseException {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new InvalidCgiResponseException("not a header line: " + printable(line));
        }
        String name = line.substring(0, colon);
        if (!HttpTokens.isToken(name)) {
            throw new InvalidCgiResponseException("invalid header name: " + printable(name));
        }
        String value = trimWhitespace(line.substring(colon + 1));
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                throw new InvalidCgiResponseException("control character in the value of " + name);
            }
        }
        return new Header(name, value);
    }

    /** Optional whitespace around a field value is spaces and tabs only (RFC 9110 §5.5). */
    private static String trimWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static int code(String digits) throws InvalidCgiResponseException {
        int code = Integer.parseInt(digits);
        if (code < 200) {
            throw new InvalidCgiResponseException("status " + code + " cannot end a CGI reply");
        }
        return code;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Enough of a bad line to debug it, without control characters or unbounded length in the record. */
    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        StringBuilder out = new StringBuilder();
        shown.chars().forEach(c -> out.append(c < ' ' || c == 0x7f ? String.format("\\x%02x", c) : (char) c));
        return out.toString();
    }
}
