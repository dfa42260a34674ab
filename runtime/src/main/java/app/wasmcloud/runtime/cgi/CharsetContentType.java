package app.wasmcloud.runtime.cgi;

import java.util.ArrayList;
import java.util.List;

/**
 * The one spelling of a {@code Content-Type} that names a charset: {@code type/subtype;name=value;charset=X}, the other
 * parameters in their order, the charset last and unquoted. The executor's servlet container (Tomcat) writes every such
 * header that way whatever the function wrote, so the exchange spells it so for every server, and {@code wasmcloud
 * serve} answers byte for byte as production does. A value without a charset, or one that does not read as a media
 * type, passes as written, as it does there.
 */
final class CharsetContentType {

    private CharsetContentType() {}

    static String canonical(String value) {
        List<String> parts = splitOutsideQuotes(value);
        String mediaType = parts.getFirst().strip();
        if (mediaType.indexOf('/') <= 0 || mediaType.endsWith("/")) {
            return value;
        }
        StringBuilder spelled = new StringBuilder(mediaType);
        String charset = null;
        for (String part : parts.subList(1, parts.size())) {
            String parameter = part.strip();
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                return value;
            }
            String name = parameter.substring(0, equals).strip();
            String parameterValue = parameter.substring(equals + 1).strip();
            if (name.equalsIgnoreCase("charset")) {
                charset = unquoted(parameterValue);
            } else {
                spelled.append(';').append(name).append('=').append(parameterValue);
            }
        }
        return charset == null
                ? value
                : spelled.append(";charset=").append(charset).toString();
    }

    private static List<String> splitOutsideQuotes(String value) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ';' && !quoted) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
