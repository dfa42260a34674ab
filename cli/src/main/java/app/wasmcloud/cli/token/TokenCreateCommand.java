package app.wasmcloud.cli.token;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.Output;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
        name = "create",
        description = {
            "Create an API token. The token is printed once, on stdout; store it now.",
            "Scopes: read, deploy, invoke, admin (default: the server's)."
        })
public final class TokenCreateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for.")
    String name;

    @Option(
            names = "--scope",
            paramLabel = "SCOPE",
            description = "A scope it carries (repeatable): ${COMPLETION-CANDIDATES}.")
    List<Scope> scopes = new ArrayList<>();

    @Option(
            names = "--expires-in-days",
            paramLabel = "D",
            description = "Days until it stops working (default: never).")
    Integer expiresInDays;

    /** What a token may do; the API's spelling is the lower-case name. */
    enum Scope {
        read,
        deploy,
        invoke,
        admin
    }

    /** The POST body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewToken(String name, List<String> scopes, Integer expiresInDays) {}

    public TokenCreateCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (expiresInDays != null && expiresInDays < 1) {
            throw new CliException(ExitCode.USAGE, "--expires-in-days must be at least 1");
        }
        List<String> scopeNames = scopes.isEmpty()
                ? null
                : scopes.stream()
                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                        .distinct()
                        .toList();
        JsonNode token = context.api().call("POST", "/api/tokens", new NewToken(name, scopeNames, expiresInDays));
        Output output = context.output();
        if (output.json()) {
            output.json(token);
        } else {
            String expires = JsonFields.text(token, "expiresAt");
            output.note("Created token " + JsonFields.text(token, "name") + " (id " + JsonFields.text(token, "id")
                    + (expires.isEmpty() ? ", never expires" : ", expires " + expires)
                    + "). It is shown only this once:");
            output.line(JsonFields.text(token, "token"));
        }
        return ExitCode.OK.code();
    }
}
