package app.wasmcloud.cli;

import app.wasmcloud.cli.client.ApiException;
import app.wasmcloud.cli.client.ProblemDetail;
import app.wasmcloud.cli.client.ServerUnreachableException;
import app.wasmcloud.cli.output.Style;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns a failure into what the user sees: an `error:` line (plus reasons) on stderr, the stack
 * trace only under `--verbose`, and the exit code.
 */
final class FailureReporter
        implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

    /** What a failure means for the user. */
    record Failure(ExitCode exitCode, String message, List<String> reasons, boolean unexpected) {}

    private final CommandContext context;

    FailureReporter(CommandContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        return report(exception);
    }

    /** Writes what a command's failure means for the user on stderr and returns the exit code. */
    int report(Exception exception) {
        Failure failure = describe(exception);
        PrintStream err = context.terminal().err();
        Style style = context.output().errStyle();
        err.println(style.error("error:") + " " + withoutErrorPrefix(failure.message()));
        for (String reason : failure.reasons()) {
            err.println("  " + reason);
        }
        if (context.verbose()) {
            exception.printStackTrace(err);
        } else if (failure.unexpected()) {
            err.println("(run again with --verbose for details)");
        }
        err.flush();
        return failure.exitCode().code();
    }

    /** A message that already starts with "error:" (a server's, a library's) would read "error: Error: …". */
    static String withoutErrorPrefix(String message) {
        String text = message == null ? "" : message.strip();
        while (text.regionMatches(true, 0, "error:", 0, 6)) {
            text = text.substring(6).strip();
        }
        return text;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintStream err = context.terminal().err();
        err.println(context.output().errStyle().error("error:") + " " + exception.getMessage());
        err.flush();
        UnmatchedArgumentException.printSuggestions(exception, commandLine.getErr());
        if (exception.getMessage().startsWith("Missing required subcommand")) {
            commandLine.usage(commandLine.getErr());
        } else {
            commandLine
                    .getErr()
                    .println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        commandLine.getErr().flush();
        return ExitCode.USAGE.code();
    }

    @Override
    public int getExitCode(Throwable exception) {
        return describe(exception).exitCode().code();
    }

    static Failure describe(Throwable exception) {
        return switch (exception) {
            case CliException e -> new Failure(e.exitCode(), e.getMessage(), e.reasons(), false);
            case ApiException e -> describe(e);
            case ServerUnreachableException e ->
                new Failure(
                        ExitCode.UNAVAILABLE,
                        "cannot reach the API at " + e.uri() + " (" + why(e.getCause())
                                + ") — is it running? Check --api or WASMCLOUD_API",
                        List.of(),
                        false);
            default -> new Failure(ExitCode.FAILURE, "unexpected error: " + exception, List.of(), true);
        };
    }

    private static Failure describe(ApiException e) {
        ProblemDetail problem = e.problem();
        String detail = problem.detail() != null ? problem.detail() : problem.title();
        return switch (e.status()) {
            case 401 ->
                new Failure(
                        ExitCode.NOT_AUTHORIZED,
                        (detail != null ? detail : "not logged in, or the token was rejected")
                                + " — run `wasmcloud login`",
                        problem.errors(),
                        false);
            case 403 ->
                new Failure(
                        ExitCode.NOT_AUTHORIZED,
                        detail != null
                                ? detail
                                : "forbidden: " + e.method() + " " + e.uri().getPath(),
                        problem.errors(),
                        false);
            // The server found a bad argument, as the CLI's own checks do: the same exit code either way.
            case 400 ->
                new Failure(
                        ExitCode.USAGE,
                        detail != null ? detail : "the server refused the request as malformed",
                        problem.errors(),
                        false);
            case 404 ->
                new Failure(
                        ExitCode.NOT_FOUND,
                        detail != null ? detail : "not found: " + e.uri().getPath(),
                        problem.errors(),
                        false);
            case 502, 503, 504 ->
                new Failure(
                        ExitCode.UNAVAILABLE,
                        detail != null
                                ? detail
                                : "the API is unavailable (HTTP " + e.status() + ") — try again shortly",
                        problem.errors(),
                        false);
            default ->
                new Failure(
                        ExitCode.FAILURE,
                        detail != null ? detail : "HTTP " + e.status() + " from " + e.method() + " " + e.uri(),
                        problem.errors(),
                        false);
        };
    }

    private static String why(Throwable cause) {
        return switch (cause) {
            case HttpConnectTimeoutException e -> "connection timed out";
            case HttpTimeoutException e -> "no answer in time";
            case ConnectException e when e.getCause() instanceof UnresolvedAddressException -> "unknown host";
            case ConnectException e -> "connection refused";
            case null -> "no answer";
            default ->
                cause.getMessage() != null
                        ? cause.getMessage()
                        : cause.getClass().getSimpleName();
        };
    }
}
