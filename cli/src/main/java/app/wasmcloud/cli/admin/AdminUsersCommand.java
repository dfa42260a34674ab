package app.wasmcloud.cli.admin;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import app.wasmcloud.cli.output.Output;
import app.wasmcloud.contract.api.UserView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "users", description = "List users.")
public final class AdminUsersCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    GlobalOptions global;

    @Option(
            names = "--pending",
            description = "Only the admins' queue: signups waiting for approval and applications for a better tier,"
                    + " with their reasons.")
    boolean pending;

    public AdminUsersCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<UserView> users =
                context.api().list("/api/admin/users" + (pending ? "?status=pending" : ""), UserView[].class);
        Output output = context.output();
        if (output.json()) {
            output.json(users);
        } else if (users.isEmpty()) {
            output.note(pending ? "Nobody is waiting for approval." : "No users.");
        } else if (pending) {
            output.table(
                    List.of("LOGIN", "STATUS", "TIER", "APPLIED", "REASON"),
                    users.stream()
                            .map(u -> List.of(
                                    u.login(),
                                    u.status(),
                                    String.valueOf(u.tier()),
                                    u.application() == null
                                            ? "-"
                                            : u.application().appliedAt().toString(),
                                    u.application() == null
                                            ? "(signup)"
                                            : u.application().reason()))
                            .toList());
        } else {
            output.table(
                    List.of("LOGIN", "ROLE", "STATUS", "TIER", "CREATED"),
                    users.stream()
                            .map(u -> List.of(
                                    u.login(),
                                    u.role(),
                                    u.status(),
                                    String.valueOf(u.tier()),
                                    String.valueOf(u.createdAt())))
                            .toList());
        }
        return ExitCode.OK.code();
    }
}
