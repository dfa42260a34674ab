package app.wasmcloud.cli.token;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "list",
        aliases = "ls",
        description = "List your API tokens, leaving out revoked ones (never their secret part).")
public final class TokenListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    public TokenListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<TokenView> tokens = context.api().list("/api/tokens", TokenView[].class);
        Output output = context.output();
        if (output.json()) {
            output.json(tokens);
            return ExitCode.OK.code();
        }
        if (tokens.isEmpty()) {
            output.note("No tokens — create one with `wasmcloud tokens create --name NAME`.");
            return ExitCode.OK.code();
        }
        output.table(
                List.of("ID", "NAME", "SCOPES", "CREATED", "EXPIRES", "LAST USED"),
                tokens.stream()
                        .map(t -> List.of(
                                t.id(),
                                t.name(),
                                String.join(",", t.scopes()),
                                orDash(t.createdAt()),
                                orDash(t.expiresAt()),
                                orDash(t.lastUsedAt())))
                        .toList());
        return ExitCode.OK.code();
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
