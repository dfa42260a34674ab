package app.wasmcloud.cli.output;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of an API answer that the CLI prints as the API gave it (`--output json`) and also shows as text: a
 * missing or null field reads as empty, so a server with fewer fields still prints a table.
 */
public final class JsonFields {
    private JsonFields() {}

    /** The first of {@code names} that is present and not null, as text; empty when none is. */
    public static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            if (value.isArray()) {
                return String.join(
                        ",", value.valueStream().map(JsonNode::asString).toList());
            }
            return value.asString();
        }
        return "";
    }

    /** The elements of an array answer, or the answer itself when a server wraps nothing. */
    public static List<JsonNode> elements(JsonNode node) {
        return node.isArray() ? node.valueStream().toList() : List.of(node);
    }
}
