package app.wasmcloud.contract;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function's name: a DNS label of 2 to 63 characters, since it is also the host name of the function's own origin
 * on the run domain. The migration's {@code functions_name_is_dns_label} CHECK holds the same rule (a test keeps
 * them together), and a few names stay free for the platform's own hosts and routes.
 */
public record FunctionName(String value) {

    public static final int MIN_LENGTH = 2;
    public static final int MAX_LENGTH = 63;

    /** What a valid name looks like, for messages. */
    public static final String RULE =
            "2-63 lowercase letters, digits and hyphens, starting and ending with a letter" + " or digit";

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> RESERVED = Set.of(
            "api",
            "www",
            "run",
            "panel",
            "docs",
            "admin",
            "internal",
            "actuator",
            "login",
            "logout",
            "oauth2",
            "static",
            "assets",
            "health",
            "metrics",
            "status",
            "wasmcloud");

    public FunctionName {
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidFunctionNameException(problem);
        }
    }

    /** The name, or {@link InvalidFunctionNameException} saying what is wrong and what is allowed. */
    public static FunctionName parse(String text) {
        return new FunctionName(text);
    }

    /** Whether {@code text} has the shape of a name (reserved names included): the run domain's cheap pre-check. */
    public static boolean isWellFormed(String text) {
        return text != null
                && text.length() >= MIN_LENGTH
                && text.length() <= MAX_LENGTH
                && DNS_LABEL.matcher(text).matches();
    }

    /** Why {@code text} is not a usable name, or null when it is one. */
    public static String problem(String text) {
        if (!isWellFormed(text)) {
            return "Invalid function name '" + (text == null ? "" : text) + "': use " + RULE + ".";
        }
        if (RESERVED.contains(text)) {
            return "The function name '" + text + "' is reserved; choose another.";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
