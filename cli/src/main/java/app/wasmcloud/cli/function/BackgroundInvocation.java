package app.wasmcloud.cli.function;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.client.ApiClient;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.Output;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * `invoke --async`: what the API's 202 said, and with `--wait` the request followed to its end: the function's
 * answer once an attempt succeeds, or exit 1 with why once it is a dead letter.
 */
final class BackgroundInvocation {
    /** The first poll comes soon, for a quick function; later ones back off, up to this. */
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final CommandContext context;
    private final String function;
    private final Duration firstPoll;

    BackgroundInvocation(CommandContext context, String function, Duration firstPoll) {
        this.context = context;
        this.function = function;
        this.firstPoll = firstPoll;
    }

    /** Reports the accepted request: its id (or the status as JSON) on stdout. */
    int accepted(JsonNode status) {
        Output output = context.output();
        if (output.json()) {
            output.json(status);
        } else {
            output.line(JsonFields.text(status, "id"));
            context.trace("queued; follow it with GET " + JsonFields.text(status, "statusUrl"));
        }
        return ExitCode.OK.code();
    }

    /** Polls the status until the request is over, then reports how it ended. */
    int follow(JsonNode status) {
        ApiClient api = context.api();
        String url = JsonFields.text(status, "statusUrl");
        Duration wait = firstPoll;
        while (!isOver(status)) {
            sleep(wait);
            wait = wait.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : wait.multipliedBy(2);
            status = api.call("GET", url, null);
            context.trace("background invocation " + JsonFields.text(status, "id") + " is "
                    + JsonFields.text(status, "state") + " after " + JsonFields.text(status, "attempts")
                    + " attempt(s)");
        }
        Output output = context.output();
        boolean succeeded = JsonFields.text(status, "state").equals("succeeded");
        if (output.json()) {
            output.json(status);
        } else if (succeeded) {
            PrintStream out = context.terminal().out();
            // Raw bytes, as a synchronous invoke writes them.
            out.writeBytes(Base64.getDecoder().decode(JsonFields.text(status.path("response"), "body")));
            out.flush();
        }
        if (!succeeded) {
            String id = JsonFields.text(status, "id");
            throw new CliException(
                    ExitCode.FAILURE,
                    "every attempt failed (" + JsonFields.text(status, "attempts") + "): "
                            + JsonFields.text(status, "lastError") + "; it is a dead letter, see wasmcloud dead-letters"
                            + " show " + function + " " + id);
        }
        return ExitCode.OK.code();
    }

    private static boolean isOver(JsonNode status) {
        String state = JsonFields.text(status, "state");
        return state.equals("succeeded") || state.equals("dead_lettered");
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.FAILURE, "interrupted while waiting for the background invocation", e);
        }
    }
}
