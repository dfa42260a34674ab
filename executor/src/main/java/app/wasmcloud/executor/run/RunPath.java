package app.wasmcloud.executor.run;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * cgi.md's rules for odd request paths, applied once before routing:
 *
 * <ul>
 *   <li>Dot segments are removed as RFC 3986 §5.2.4 says ({@code /a/./b/../c} is {@code /a/c}; {@code %2E} counts as
 *       a dot), so {@code /../} never reaches {@code PATH_INFO} and never climbs out of a function's name.
 *   <li>An encoded slash stays encoded: {@code /a%2Fb} is one segment, so {@code PATH_INFO} is {@code /a%2Fb} while
 *       every other escape is decoded; {@code REQUEST_URI} is always the raw path.
 *   <li>An escape that is not two hex digits, one that decodes to NUL, or bytes that are not UTF-8 make the path
 *       invalid: 400 with the platform's plain-text reply.
 * </ul>
 */
public final class RunPath {

    private RunPath() {}

    /** The raw path with its dot segments removed; escapes other than dots are left as they came. */
    public static String withoutDotSegments(String rawPath) {
        String input = rawPath.replace("%2E", ".").replace("%2e", ".");
        Deque<String> output = new ArrayDeque<>();
        String[] segments = input.split("/", -1);
        // segments[0] is the empty string before the leading slash.
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    output.addLast("");
                }
            } else if (segment.equals("..")) {
                output.pollLast();
                if (last) {
                    output.addLast("");
                }
            } else {
                output.addLast(segment);
            }
        }
        return "/" + String.join("/", output);
    }

    /**
     * The path as {@code PATH_INFO} carries it: escapes decoded, except {@code %2F}, which stays as written so a
     * function can tell an encoded slash from a separator. Empty when the path is invalid.
     */
    public static Optional<String> decoded(String rawPath) {
        StringBuilder out = new StringBuilder(rawPath.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c != '%') {
                if (!flush(pending, out)) {
                    return Optional.empty();
                }
                out.append(c);
                continue;
            }
            if (i + 2 >= rawPath.length()) {
                return Optional.empty();
            }
            int high = Character.digit(rawPath.charAt(i + 1), 16);
            int low = Character.digit(rawPath.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                return Optional.empty();
            }
            int b = high * 16 + low;
            if (b == 0) {
                return Optional.empty();
            }
            if (b == '/') {
                if (!flush(pending, out)) {
                    return Optional.empty();
                }
                out.append(rawPath, i, i + 3);
            } else {
                pending.write(b);
            }
            i += 2;
        }
        return flush(pending, out) ? Optional.of(out.toString()) : Optional.empty();
    }

    /** Appends the pending escaped bytes as UTF-8; false when they are not UTF-8 (a lone {@code %C3}). */
    private static boolean flush(ByteArrayOutputStream pending, StringBuilder out) {
        if (pending.size() == 0) {
            return true;
        }
        try {
            out.append(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pending.toByteArray())));
        } catch (CharacterCodingException e) {
            return false;
        }
        pending.reset();
        return true;
    }
}
