package app.wasmcloud.cli.local;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.runtime.ModuleInfo;
import app.wasmcloud.runtime.WasmFunction;
import app.wasmcloud.runtime.cgi.CgiRequest;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "serve",
        description = {
            "Serve a module over HTTP on this machine, with the platform's CGI behaviour and limits.",
            "The function answers at / (SCRIPT_NAME is empty, PATH_INFO is the whole path); every reply carries"
                    + " X-Wasmcloud-Invocation-Id. Prints its URL on stdout, one line per request on stderr;"
                    + " Ctrl-C stops it."
        })
public final class ServeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Mixin
    LocalFunctionOptions function;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 3000;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Parameters(paramLabel = "MODULE", description = "The .wasm file.")
    Path module;

    public ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new CliException(ExitCode.USAGE, "--port must be between 0 and 65535, got " + port);
        }
        for (String key : function.environment().keySet()) {
            // cgi.md: configuration never overrides a meta-variable, so such a key is refused, not silently dropped.
            if (CgiRequest.isReservedEnvKey(key)) {
                throw new CliException(
                        ExitCode.USAGE,
                        "--env " + key + " is reserved: CGI meta-variables and the HTTP_* and WASMCLOUD_* names are"
                                + " set per request");
            }
        }
        WasmFunction wasm = function.load(module, context);
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new CliException(ExitCode.USAGE, "unknown --host " + host);
        }
        CgiServer server;
        try {
            server = new CgiServer(
                    wasm,
                    LocalFunctionOptions.functionName(module),
                    function.environment(),
                    function.limits(),
                    function.egress(),
                    address,
                    context.terminal().err());
        } catch (BindException e) {
            throw new CliException(
                    ExitCode.FAILURE,
                    "cannot listen on " + host + ":" + port + " (" + e.getMessage()
                            + ") — is something else using it? Pick another with --port");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C ends the JVM; stop serving first so in-flight guests are cancelled rather than cut off mid-write.
        Thread onShutdown = new Thread(() -> {
            server.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(onShutdown);
        try {
            ModuleInfo info = wasm.info();
            String url = "http://" + urlHost(address) + ":" + server.port() + "/";
            context.output()
                    .note("Serving " + module + " (" + info.abi().name().toLowerCase(Locale.ROOT) + ", "
                            + info.entrypoint() + ") — press Ctrl-C to stop");
            context.output().line(url);
            stopped.await();
        } catch (InterruptedException e) {
            // Embedded use (tests): interrupting the command's thread stops the server.
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(onShutdown);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running.
            }
        }
        return ExitCode.OK.code();
    }

    private static String urlHost(InetSocketAddress address) {
        String text = address.getAddress().getHostAddress();
        if (address.getAddress().isAnyLocalAddress()) {
            return "localhost";
        }
        return text.contains(":") ? "[" + text + "]" : text;
    }
}
