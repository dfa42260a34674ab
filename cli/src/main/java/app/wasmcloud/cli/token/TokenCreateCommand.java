package app.wasmcloud.cli.token;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "create",
        description = {
            "Create an API token. The token is printed once, on stdout; store it now.",
            "Give it at least one scope: read, deploy, invoke, admin (only ones your own token has)."
        })
public final class TokenCreateCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for.")
    String name;

    @Option(
            names = "--scope",
            required = true,
            paramLabel = "SCOPE",
            description = "A scope it carries (repeatable, at least one): ${COMPLETION-CANDIDATES}.")
    List<Scope> scopes;

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

    /** The POST body; without expiresInDays the token never expires. */
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
        List<String> scopeNames = scopes.stream()
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        CreatedToken token =
                context.api().post("/api/tokens", new NewToken(name, scopeNames, expiresInDays), CreatedToken.class);
        Output output = context.output();
        if (output.json()) {
            output.json(token);
        } else {
            output.note("Created token " + token.name() + " (id " + token.id() + ", "
                    + String.join(",", token.scopes())
                    + (token.expiresAt() == null ? ", never expires" : ", expires " + token.expiresAt())
                    + "). It is shown only this once:");
            output.line(token.token());
        }
        return ExitCode.OK.code();
    }
}
