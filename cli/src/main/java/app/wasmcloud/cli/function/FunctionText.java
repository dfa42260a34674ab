package app.wasmcloud.cli.function;

import app.wasmcloud.cli.local.DurationConverter;
import app.wasmcloud.cli.local.MemorySizeConverter;
import app.wasmcloud.cli.output.ByteSize;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.FunctionView;
import app.wasmcloud.contract.api.VersionView;
import java.util.List;
import java.util.function.IntFunction;

/** How functions and versions read in text output; shared by the commands that print them. */
final class FunctionText {
    private FunctionText() {}

    static void details(Output output, FunctionView function) {
        output.line("name:           " + function.name());
        output.line("description:    " + nullToEmpty(function.description()));
        output.line("visibility:     " + function.visibility());
        output.line("active version: " + activeVersion(function));
        output.line("url:            " + url(function));
        output.line("timeout:        "
                + limit(function.timeoutMs(), function.effectiveTimeoutMs(), DurationConverter::format));
        output.line("memory:         "
                + limit(function.memoryPages(), function.effectiveMemoryPages(), MemorySizeConverter::format));
        output.line("allowed hosts:  "
                + (function.egressAllowList() == null
                                || function.egressAllowList().isEmpty()
                        ? "none"
                        : String.join(", ", function.egressAllowList())));
        output.line("record:         " + (function.record() == null ? "off" : function.record()));
        output.line("created:        " + nullToEmpty(function.createdAt()));
        output.line("updated:        " + nullToEmpty(function.updatedAt()));
    }

    static void table(Output output, List<FunctionView> functions) {
        output.table(
                List.of("NAME", "VISIBILITY", "VERSION", "URL"),
                functions.stream()
                        .map(f -> List.of(f.name(), f.visibility(), activeVersion(f), url(f)))
                        .toList());
    }

    /** {@code active} is the active version's number, marked with a star; null when none is active. */
    static void versionTable(Output output, List<VersionView> versions, Integer active) {
        output.table(
                List.of("ACTIVE", "VERSION", "SHA256", "SIZE", "ABI", "ENTRYPOINT", "CREATED"),
                versions.stream()
                        .map(v -> List.of(
                                Integer.valueOf(v.number()).equals(active) ? "*" : "",
                                String.valueOf(v.number()),
                                output.style().abbreviate(v.sha256(), 12),
                                ByteSize.format(v.sizeBytes()),
                                v.abi(),
                                v.entrypoint(),
                                nullToEmpty(v.createdAt())))
                        .toList());
    }

    /**
     * Its public URL, or for a private function a note instead: its URL answers 404 to everyone, so printing it would
     * only invite a confusing first try.
     */
    static String url(FunctionView function) {
        return "public".equals(function.visibility())
                ? function.url()
                : "(private: call it with wasmcloud invoke " + function.name() + ")";
    }

    /** A limit as set, or the default it runs with, saying which. */
    private static String limit(Integer own, int effective, IntFunction<String> format) {
        return own != null ? format.apply(own) : format.apply(effective) + " (default)";
    }

    private static String activeVersion(FunctionView function) {
        return function.activeVersion() == null ? "-" : function.activeVersion().toString();
    }

    private static String nullToEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
