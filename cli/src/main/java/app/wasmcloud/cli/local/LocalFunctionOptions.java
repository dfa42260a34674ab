package app.wasmcloud.cli.local;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.Terminal;
import app.wasmcloud.runtime.CompiledClassCache;
import app.wasmcloud.runtime.GuestDefaults;
import app.wasmcloud.runtime.InvalidModuleException;
import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How `run` and `serve` load and limit a module: the same settings a deployed function has. */
public final class LocalFunctionOptions {
    /** Guest thread stack: the platform's, so guest recursion goes as deep as on an executor. */
    public static final long GUEST_STACK_BYTES = GuestDefaults.STACK_BYTES;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "KEY=VALUE",
            converter = EnvVariable.Converter.class,
            description = "Set an environment variable for the module (repeatable).")
    List<EnvVariable> env = new ArrayList<>();

    @Option(
            names = "--entrypoint",
            paramLabel = "NAME",
            description = "The export to call (default: _start, or cwa_main).")
    String entrypoint;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Wall-clock limit per run, e.g. 500ms, 10s, 1m (default: 10s).")
    Duration timeout;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            converter = MemorySizeConverter.class,
            description = "Linear memory limit, e.g. 64KiB, 16MiB; rounded up to 64KiB pages (default: 16MiB).")
    Integer memoryPages;

    @Option(
            names = "--allow-host",
            paramLabel = "HOST",
            description = "Let the module's HTTP resource reach this host (repeatable; default: none).")
    List<String> allowedHosts = new ArrayList<>();

    @Option(
            names = "--allow-private-addresses",
            description = "Let allowed hosts resolve to loopback or private addresses (a local service; the"
                    + " platform never allows this).")
    boolean allowPrivateAddresses;

    /**
     * argv[0] (cgi.md: the function's name, never a path) and WASMCLOUD_FUNCTION: the file's name without `.wasm`, as
     * the function would be named when deployed.
     */
    static String functionName(Path module) {
        String file = module.getFileName().toString();
        return file.endsWith(".wasm") ? file.substring(0, file.length() - ".wasm".length()) : file;
    }

    /** The production defaults with this command line's changes. */
    Limits limits() {
        Limits limits = Limits.defaults();
        if (timeout != null) {
            limits = limits.withTimeout(timeout);
        }
        if (memoryPages != null) {
            limits = limits.withMaxMemoryPages(memoryPages);
        }
        return limits;
    }

    EgressPolicy egress() {
        EgressPolicy allowing = EgressPolicy.allowing(new LinkedHashSet<>(allowedHosts));
        return new EgressPolicy(
                allowing.allowedHosts(),
                allowPrivateAddresses,
                allowing.maxRequests(),
                allowing.maxResponseBytes(),
                allowing.requestTimeout());
    }

    /** The variables in the order given; a repeated key keeps its last value. */
    Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (EnvVariable variable : env) {
            variables.put(variable.key(), variable.value());
        }
        return variables;
    }

    /**
     * Reads, validates and compiles the module (or loads its classes from the user's compiled-class cache), or fails
     * with every reason it is refused.
     */
    WasmFunction load(Path module, CommandContext context) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(module);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCode.FAILURE, "no such file: " + module);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read " + module + ": " + e.getMessage(), e);
        }
        try {
            Terminal terminal = context.terminal();
            CompiledClassCache cache = UserClassCache.open(
                    terminal.env(), System.getProperty("user.home"), context.verbose(), terminal.err());
            if (cache == null) {
                return WasmFunction.load(bytes, entrypoint, limits().maxMemoryPages());
            }
            WasmFunction loaded = WasmFunction.load(bytes, entrypoint, limits().maxMemoryPages(), cache);
            if (context.verbose()) {
                terminal.err()
                        .println(
                                loaded.loadedFromCache()
                                        ? "loaded the compiled classes of " + module + " from the cache"
                                        : "compiled " + module + " (it was not in the cache)");
            }
            return loaded;
        } catch (InvalidModuleException e) {
            // One line, as a script's log wants it: every reason, not just the first.
            throw new CliException(
                    ExitCode.FAILURE, "invalid module " + module + ": " + String.join("; ", e.reasons()), e);
        }
    }
}
