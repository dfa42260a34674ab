package app.wasmcloud.cli.function;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of `POST /api/functions`. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NewFunction(String name, String description, String visibility) {}
