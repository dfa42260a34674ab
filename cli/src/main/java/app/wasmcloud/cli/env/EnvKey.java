package app.wasmcloud.cli.env;

import app.wasmcloud.runtime.cgi.CgiRequest;
import java.util.regex.Pattern;

/** Checks a variable name where it is typed, so a bad one never reaches the API. */
final class EnvKey {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvKey() {}

    /** Null when the key is usable, else what is wrong with it. */
    static String problem(String key) {
        if (!NAME.matcher(key).matches()) {
            return "'" + key + "' is not a variable name: use letters, digits and '_', not starting with a digit";
        }
        if (CgiRequest.isReservedEnvKey(key)) {
            return "'" + key + "' is reserved: CGI meta-variables and the HTTP_* and WASMCLOUD_* names are set by the"
                    + " platform on every request";
        }
        return null;
    }
}
