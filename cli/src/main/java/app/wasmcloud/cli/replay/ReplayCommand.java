package app.wasmcloud.cli.replay;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.invocation.InvocationText;
import app.wasmcloud.cli.local.EnvVariable;
import app.wasmcloud.cli.local.LocalFunctionOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.InvalidModuleException;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Replay;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.replay.InvalidRecordingException;
import app.wasmcloud.runtime.replay.Recording;
import app.wasmcloud.runtime.replay.RecordingFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "replay",
        description = {
            "Run a recorded invocation again on this machine, exactly: the module of the version that ran, under a host"
                    + " that answers time, random, HTTP reads and WASI clocks from the recording and checks every host"
                    + " call against it.",
            "Prints \"replayed exactly\", or where the replay first diverged. The function must have had recording on"
                    + " (functions update NAME --record on|errors). Nothing is sent anywhere: HTTP resources are"
                    + " answered from the recording.",
            "Exit status: 0 when it replayed exactly, 1 when it diverged or cannot be exact, 2 when a secret is"
                    + " missing."
        })
public final class ReplayCommand implements Callable<Integer> {
    /** What the API answers a recording as; the format's own version is inside. */
    static final String RECORDING_TYPE = "application/vnd.wasmcloud.recording";

    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "INVOCATION_ID", description = "The recorded invocation's id.")
    String id;

    @Option(names = "--trace", description = "Print every host call: its arguments, results, bytes and time.")
    boolean trace;

    @Option(
            names = "--env",
            paramLabel = "SECRET=VALUE",
            converter = EnvVariable.Converter.class,
            description = "The value of a secret variable (repeatable): recordings keep secrets by name only.")
    List<EnvVariable> secrets = new ArrayList<>();

    @Option(names = "--stdout", description = "Also write what the module wrote to stdout, after the verdict.")
    boolean showStdout;

    public ReplayCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        String invocation = InvocationText.parseId(id);
        Recording recording =
                read(context.api().bytes("/api/invocations/" + invocation + "/recording", RECORDING_TYPE));
        Map<String, String> values = new LinkedHashMap<>();
        secrets.forEach(secret -> values.put(secret.key(), secret.value()));
        List<String> missing = Replay.missingSecrets(recording, values);
        if (!missing.isEmpty()) {
            throw new CliException(
                    ExitCode.USAGE,
                    "the recording holds secrets by name only; give their values with "
                            + String.join(
                                    " ",
                                    missing.stream()
                                            .map(name -> "--env " + name + "=…")
                                            .toList()));
        }
        byte[] module = context.api().bytes("/api/invocations/" + invocation + "/recording/module", "application/wasm");
        WasmFunction function;
        try {
            function = WasmFunction.load(module, recording.entrypoint(), Limits.MAX_WASM32_PAGES);
        } catch (InvalidModuleException e) {
            throw new CliException(ExitCode.FAILURE, "the recorded module does not load here: " + e.getMessage(), e);
        }
        Replay.Report report;
        try (ExecutionPool pool = new ExecutionPool(1, LocalFunctionOptions.GUEST_STACK_BYTES)) {
            report = Replay.run(pool, function, recording, values);
        }
        ReplayView view = ReplayView.of(recording, report, trace);
        Output output = context.output();
        if (output.json()) {
            output.json(view);
        } else {
            ReplayText.print(output, view);
            if (showStdout) {
                context.terminal()
                        .out()
                        .write(report.result().stdout(), 0, report.result().stdout().length);
                context.terminal().out().flush();
            }
        }
        return report.exact() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
    }

    private static Recording read(byte[] bytes) {
        try {
            return RecordingFormat.read(bytes);
        } catch (InvalidRecordingException e) {
            throw new CliException(
                    ExitCode.FAILURE, "cannot read the recording: " + e.getMessage() + " (a newer CLI may read it)");
        }
    }
}
