package app.wasmcloud.cli.env;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The environment endpoints' paths. */
final class EnvPaths {
    private EnvPaths() {}

    static String list(String function) {
        return "/api/functions/" + function + "/env";
    }

    static String variable(String function, String key) {
        return list(function) + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    }
}
