package app.wasmcloud.cli.schedule;

import app.wasmcloud.cli.function.Header;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that define what a schedule runs and when, shared by `create` and `update`. */
final class ScheduleDefinition {

    @Option(names = "--cron", paramLabel = "'M H DOM MON DOW'", description = "Five cron fields, e.g. '*/5 * * * *'.")
    String cron;

    @Option(
            names = {"-z", "--time-zone"},
            paramLabel = "ZONE",
            description = "The zone the cron fields are read in, e.g. Europe/Paris (default: UTC).")
    String timeZone;

    @Option(
            names = {"-X", "--request"},
            paramLabel = "METHOD",
            description = "HTTP method for the function (default: POST with -d, else GET).")
    String method;

    @Option(names = "--path", paramLabel = "PATH", description = "Path and query the function sees (default: /).")
    String path;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "'NAME: VALUE'",
            converter = Header.Converter.class,
            description = "A request header for the function; repeatable.")
    List<Header> headers = new ArrayList<>();

    @Option(
            names = {"-d", "--data"},
            paramLabel = "TEXT",
            description = "Request body, as text.")
    String data;

    /** The JSON the API takes; options not given are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(String cron, String timeZone, String method, String path, Map<String, String> headers, String body) {}

    Body body() {
        Map<String, String> named = null;
        if (!headers.isEmpty()) {
            named = new LinkedHashMap<>();
            for (Header header : headers) {
                named.put(header.name(), header.value());
            }
        }
        return new Body(
                cron, timeZone, method == null ? null : method.toUpperCase(java.util.Locale.ROOT), path, named, data);
    }
}
