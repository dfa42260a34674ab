package app.wasmcloud.cli.function;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A request header for the function, parsed from `-H 'Name: value'`.
 *
 * @param name the header's name, an HTTP token
 * @param value the header's value, trimmed
 */
public record Header(String name, String value) {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the JDK's HTTP client sets itself and refuses to take from a caller. */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    public static final class Converter implements ITypeConverter<Header> {
        @Override
        public Header convert(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new TypeConversionException("'" + text + "' is not a header: expected 'Name: value'");
            }
            String name = text.substring(0, colon).strip();
            String value = text.substring(colon + 1).strip();
            if (!TOKEN.matcher(name).matches()) {
                throw new TypeConversionException("'" + name + "' is not a valid header name");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                throw new TypeConversionException("the value of header " + name + " contains a line break");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-wasmcloud-")) {
                throw new TypeConversionException(
                        name + " is reserved: set the method with -X and the path with --path");
            }
            if (lower.equals("authorization")) {
                throw new TypeConversionException("Authorization carries your API token and cannot be forwarded");
            }
            if (RESERVED.contains(lower)) {
                throw new TypeConversionException(name + " is set by the HTTP client and cannot be given with -H");
            }
            return new Header(name, value);
        }
    }
}
