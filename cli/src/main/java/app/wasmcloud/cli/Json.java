package app.wasmcloud.cli;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration the CLI uses for the API, the config file and `--output json`. */
public final class Json {
    private Json() {}

    public static JsonMapper mapper() {
        return JsonMapper.builder()
                // Newer servers may add fields; the CLI reads the ones it knows.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // Fields in declaration order, so `--output json` reads like the API documentation.
                .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}
