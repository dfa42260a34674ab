package app.wasmcloud.cli.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An RFC 9457 problem the API answered with, read leniently: a proxy's HTML error page or a malformed body still
 * becomes a problem with the status and whatever text could be found.
 *
 * @param title the problem's short summary, if any
 * @param detail the human-readable explanation, if any
 * @param errors the individual reasons (for example why a module was rejected), possibly empty
 */
public record ProblemDetail(String title, String detail, List<String> errors) {

    public static ProblemDetail parse(byte[] body, JsonMapper mapper) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                return new ProblemDetail(null, null, List.of());
            }
            List<String> errors = new ArrayList<>();
            for (JsonNode error : root.path("errors")) {
                errors.add(error.isString() ? error.asString() : error.toString());
            }
            return new ProblemDetail(text(root, "title"), text(root, "detail"), errors);
        } catch (JacksonException e) {
            return new ProblemDetail(null, null, List.of());
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isString() && !node.asString().isBlank() ? node.asString() : null;
    }
}
