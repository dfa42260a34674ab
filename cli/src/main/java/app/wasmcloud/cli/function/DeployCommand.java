package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.ByteSize;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.VersionView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "deploy",
        description = {
            "Upload a WebAssembly module as the function's new version and make it active.",
            "Prints the version and the URL the function answers on."
        })
public final class DeployCommand implements Callable<Integer> {
    private static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};
    /** Below this a progress bar would only flicker. */
    private static final long PROGRESS_THRESHOLD = 1024 * 1024;

    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The function's name.",
            converter = FunctionNameConverter.class)
    String name;

    @Parameters(index = "1", paramLabel = "FILE.wasm", description = "The compiled module (binary .wasm).")
    Path module;

    @Option(names = "--create", description = "Create the function first if it does not exist.")
    boolean create;

    public DeployCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        long size = checkModule(module);
        UploadProgress progress = context.terminal().stderrIsTty() && size >= PROGRESS_THRESHOLD
                ? UploadProgress.bar(context.terminal().err(), "Uploading " + module.getFileName())
                : UploadProgress.none();
        VersionView version = new FunctionsApi(context.api()).deploy(name, module, create, progress);
        Output output = context.output();
        if (output.json()) {
            output.json(version);
        } else {
            output.line("Deployed " + version.function() + " version " + version.number() + " (sha256 "
                    + output.style().abbreviate(version.sha256(), 12) + ", " + ByteSize.format(version.sizeBytes())
                    + ")");
            output.line(version.url());
        }
        return ExitCode.OK.code();
    }

    /** Fails before any request when the file cannot be a module; returns its size. */
    static long checkModule(Path module) {
        if (!Files.exists(module)) {
            throw new CliException(ExitCode.FAILURE, module + ": no such file");
        }
        if (Files.isDirectory(module)) {
            throw new CliException(ExitCode.FAILURE, module + " is a directory, not a .wasm file");
        }
        try (InputStream in = Files.newInputStream(module)) {
            byte[] header = in.readNBytes(WASM_MAGIC.length);
            if (!Arrays.equals(header, WASM_MAGIC)) {
                throw new CliException(
                        ExitCode.FAILURE,
                        module + " is not a WebAssembly binary (it does not start with \\0asm); "
                                + "compile it to .wasm first (for .wat text: wat2wasm)");
            }
            return Files.size(module);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read " + module + ": " + e.getMessage(), e);
        }
    }
}
