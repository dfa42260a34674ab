package app.wasmcloud.cli.token;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Confirmation;
import app.wasmcloud.cli.output.Output;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "revoke",
        description = {
            "Revoke an API token: it stops working at once.",
            "Asks for confirmation when stdin is a terminal, unless --yes."
        })
public final class TokenRevokeCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Parameters(
            paramLabel = "ID",
            converter = TokenId.class,
            description = "The token's id, a UUID (see `wasmcloud tokens list`).")
    UUID id;

    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    public TokenRevokeCommand(CommandContext context) {
        this.context = context;
    }

    /** The `--output json` answer. */
    record Revoked(UUID id, boolean revoked) {}

    /** Token ids are UUIDs; anything else is a typo, caught before a request is made. */
    static final class TokenId implements ITypeConverter<UUID> {
        @Override
        public UUID convert(String value) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not a token id: use the UUID that `wasmcloud tokens list` shows");
            }
        }
    }

    @Override
    public Integer call() {
        if (!yes
                && !Confirmation.ask(context.terminal(), "Revoke token " + id + "? Anything using it stops working.")) {
            throw new CliException(ExitCode.FAILURE, "aborted; token " + id + " was not revoked");
        }
        context.api().delete("/api/tokens/" + id);
        Output output = context.output();
        if (output.json()) {
            output.json(new Revoked(id, true));
        } else {
            output.line("Revoked token " + id);
        }
        return ExitCode.OK.code();
    }
}
