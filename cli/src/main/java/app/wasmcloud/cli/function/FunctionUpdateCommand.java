package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.local.DurationConverter;
import app.wasmcloud.cli.local.MemorySizeConverter;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.RecordMode;
import app.wasmcloud.contract.api.FunctionView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "update",
        description = {
            "Change a function's description, visibility, limits or recording; what is not given stays as it is."
        })
public final class FunctionUpdateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The function's name.", converter = FunctionNameConverter.class)
    String name;

    @Option(names = "--description", paramLabel = "TEXT", description = "What the function does.")
    String description;

    @ArgGroup(exclusive = true)
    Visibility visibility;

    static final class Visibility {
        @Option(names = "--public", required = true, description = "Callable by anyone on its URL.")
        boolean publicFunction;

        @Option(names = "--private", required = true, description = "Only callable through the API.")
        boolean privateFunction;
    }

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Wall-clock limit per invocation, e.g. 500ms, 10s, 1m.")
    Duration timeout;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            converter = MemorySizeConverter.class,
            description = "Memory limit, e.g. 16MiB; rounded up to 64KiB pages.")
    Integer memoryPages;

    @Option(
            names = "--allow-host",
            paramLabel = "HOST",
            description = "A host its HTTP resource may reach (repeatable); replaces the list.")
    List<String> allowedHosts;

    @Option(names = "--deny-all-hosts", description = "Empty the list of hosts it may reach.")
    boolean denyAllHosts;

    @Option(
            names = "--record",
            paramLabel = "MODE",
            description = "Record invocations for `wasmcloud replay`: on, off, or errors (keep only failed ones)."
                    + " Recordings hold request headers and bodies; only you and admins can read them.")
    String record;

    public FunctionUpdateCommand(CommandContext context) {
        this.context = context;
    }

    /** The PATCH body: only the fields being changed are sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Update(
            String description,
            String visibility,
            Integer timeoutMs,
            Integer memoryPages,
            List<String> egressAllowList,
            String record) {}

    @Override
    public Integer call() {
        if (denyAllHosts && allowedHosts != null) {
            throw new CliException(ExitCode.USAGE, "--allow-host and --deny-all-hosts contradict each other");
        }
        if (record != null && RecordMode.parse(record).isEmpty()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "--record takes " + String.join(", ", RecordMode.labels()) + ", not '" + record + "'");
        }
        Update update = new Update(
                description,
                visibility == null ? null : visibility.publicFunction ? "public" : "private",
                timeout == null ? null : Math.toIntExact(timeout.toMillis()),
                memoryPages,
                denyAllHosts ? List.of() : allowedHosts,
                record);
        if (update.equals(new Update(null, null, null, null, null, null))) {
            throw new CliException(
                    ExitCode.USAGE,
                    "nothing to change: give --description, --public, --private, --timeout, --memory, --allow-host,"
                            + " --deny-all-hosts or --record");
        }
        FunctionView function = new FunctionsApi(context.api()).update(name, update);
        Output output = context.output();
        if (output.json()) {
            output.json(function);
        } else {
            FunctionText.details(output, function);
        }
        return ExitCode.OK.code();
    }
}
