package app.wasmcloud.cli.token;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.JsonFields;
import app.wasmcloud.cli.output.Output;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.JsonNode;

@Command(name = "list", aliases = "ls", description = "List your API tokens (never their secret part).")
public final class TokenListCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    public TokenListCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        JsonNode tokens = context.api().call("GET", "/api/tokens", null);
        Output output = context.output();
        if (output.json()) {
            output.json(tokens);
            return ExitCode.OK.code();
        }
        List<JsonNode> rows = JsonFields.elements(tokens);
        if (rows.isEmpty()) {
            output.note("No tokens — create one with `wasmcloud tokens create --name NAME`.");
            return ExitCode.OK.code();
        }
        output.table(
                List.of("ID", "NAME", "SCOPES", "EXPIRES", "LAST USED", "REVOKED"),
                rows.stream()
                        .map(t -> List.of(
                                JsonFields.text(t, "id"),
                                JsonFields.text(t, "name"),
                                JsonFields.text(t, "scopes"),
                                orDash(JsonFields.text(t, "expiresAt")),
                                orDash(JsonFields.text(t, "lastUsedAt")),
                                orDash(JsonFields.text(t, "revokedAt"))))
                        .toList());
        return ExitCode.OK.code();
    }

    private static String orDash(String text) {
        return text.isEmpty() ? "-" : text;
    }
}
