package app.wasmcloud.cli.local;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.Terminal;
import app.wasmcloud.cli.output.LogLevel;
import app.wasmcloud.runtime.ExecutionPool;
import app.wasmcloud.runtime.Invocation;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.RunResult;
import app.wasmcloud.runtime.WasmFunction;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.SerializationFeature;

@Command(
        name = "run",
        description = {
            "Run a module on this machine the way the platform runs it (same runtime, ABI and limits).",
            "stdin goes to the module (when it is not a terminal), its stdout and stderr come out here, its log lines"
                    + " go to stderr. Everything after MODULE is the module's arguments.",
            "The exit status is the module's exit code (mod 256; a nonzero code that is 0 mod 256 becomes 1). When it"
                    + " traps, times out or hits a limit, or the module is invalid, one line on stderr says what"
                    + " happened and the status is 1."
        })
public final class RunCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    LocalFunctionOptions function;

    @Option(names = "--stats", description = "Print the run's accounting as one JSON line on stderr when it ends.")
    boolean stats;

    @Parameters(index = "0", paramLabel = "MODULE", description = "The .wasm file.")
    Path module;

    @Parameters(
            index = "1..*",
            paramLabel = "ARG",
            description = "Arguments for the module (argv[1]…; argv[0] is the module's file name without .wasm).")
    List<String> args = new ArrayList<>();

    public RunCommand(CommandContext context) {
        this.context = context;
    }

    /**
     * `run MODULE [ARG...]` with no options, set up as picocli would set it up for that command line, without
     * picocli's model of the command (see {@code Main}): every option has its unset value, and everything after MODULE
     * is the module's, as on the full path.
     */
    public static RunCommand withoutOptions(CommandContext context, Path module, List<String> args) {
        RunCommand run = new RunCommand(context);
        run.global = new GlobalOptions(context);
        run.function = new LocalFunctionOptions();
        run.module = module;
        run.args = new ArrayList<>(args);
        return run;
    }

    @Override
    public Integer call() throws InterruptedException {
        WasmFunction wasm = function.load(module, context);
        Terminal terminal = context.terminal();
        List<String> argv = new ArrayList<>();
        argv.add(LocalFunctionOptions.functionName(module));
        argv.addAll(args);
        Limits limits = function.limits();
        Invocation invocation = new Invocation(argv, function.environment(), stdin(terminal), limits);
        RunResult result;
        try (ExecutionPool pool = new ExecutionPool(1, LocalFunctionOptions.GUEST_STACK_BYTES)) {
            result = pool.run(wasm, invocation, function.egress());
        }
        terminal.out().write(result.stdout(), 0, result.stdout().length);
        terminal.out().flush();
        PrintStream err = terminal.err();
        err.write(result.stderr(), 0, result.stderr().length);
        for (LogLine line : result.logLines()) {
            err.println("[" + LogLevel.name(line.level()) + "] " + line.message());
        }
        if (stats) {
            err.println(context.mapper()
                    .writer()
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(RunStats.of(result)));
        }
        err.flush();
        String failure = RunFailure.describe(result, limits);
        if (failure != null) {
            throw new CliException(ExitCode.FAILURE, failure);
        }
        return exitStatus(result.exitCode());
    }

    /** A process exit status is one byte; a nonzero code must never turn into success. */
    static int exitStatus(int exitCode) {
        int status = exitCode & 0xff;
        return status == 0 && exitCode != 0 ? 1 : status;
    }

    /** On a terminal there is nothing to read yet (the runtime takes stdin whole), so the module gets none. */
    private byte[] stdin(Terminal terminal) {
        if (terminal.stdinIsTty()) {
            return new byte[0];
        }
        try {
            return terminal.in().readAllBytes();
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read stdin: " + e.getMessage(), e);
        }
    }
}
