package app.wasmcloud.cli.completion;

import app.wasmcloud.cli.CommandContext;
import app.wasmcloud.cli.ExitCode;
import app.wasmcloud.cli.GlobalOptions;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "completion",
        description = {
            "Print a shell completion script.",
            "bash: `source <(wasmcloud completion bash)`, or save the script as",
            "  ~/.local/share/bash-completion/completions/wasmcloud;",
            "zsh: `source <(wasmcloud completion zsh)` in ~/.zshrc;",
            "fish: `wasmcloud completion fish > ~/.config/fish/completions/wasmcloud.fish`."
        })
public final class CompletionCommand implements Callable<Integer> {
    private final CommandContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "SHELL", description = "${COMPLETION-CANDIDATES}")
    Shell shell;

    /** The shells a script is generated for. */
    enum Shell {
        bash,
        zsh,
        fish
    }

    public CompletionCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        String name = spec.root().name();
        String script = switch (shell) {
            case bash -> AutoComplete.bash(name, root);
            // picocli's bash script also runs in zsh once bash completion is emulated.
            case zsh ->
                "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n"
                        + AutoComplete.bash(name, root);
            case fish -> fish(name, root);
        };
        context.terminal().out().print(script);
        context.terminal().out().flush();
        return ExitCode.OK.code();
    }

    /** Subcommands at each level, then each command's long options, with their first description line. */
    static String fish(String name, CommandLine root) {
        StringBuilder script = new StringBuilder("# fish completion for " + name + "\n");
        script.append("complete -c ").append(name).append(" -f\n");
        for (Map.Entry<String, CommandLine> entry : root.getSubcommands().entrySet()) {
            CommandLine sub = entry.getValue();
            if (!entry.getKey().equals(sub.getCommandName())) {
                continue; // an alias
            }
            script.append("complete -c ")
                    .append(name)
                    .append(" -n __fish_use_subcommand -a ")
                    .append(entry.getKey())
                    .append(" -d ")
                    .append(quote(firstLine(sub.getCommandSpec())))
                    .append('\n');
            for (Map.Entry<String, CommandLine> nested : sub.getSubcommands().entrySet()) {
                if (!nested.getKey().equals(nested.getValue().getCommandName())) {
                    continue;
                }
                script.append("complete -c ")
                        .append(name)
                        .append(" -n ")
                        .append(quote("__fish_seen_subcommand_from " + entry.getKey()))
                        .append(" -a ")
                        .append(nested.getKey())
                        .append(" -d ")
                        .append(quote(firstLine(nested.getValue().getCommandSpec())))
                        .append('\n');
            }
            options(script, name, entry.getKey(), sub.getCommandSpec());
            for (CommandLine nested : sub.getSubcommands().values()) {
                options(script, name, entry.getKey(), nested.getCommandSpec());
            }
        }
        return script.toString();
    }

    private static void options(StringBuilder script, String name, String command, CommandSpec spec) {
        for (OptionSpec option : spec.options()) {
            String longName = option.longestName();
            if (!longName.startsWith("--")) {
                continue;
            }
            script.append("complete -c ")
                    .append(name)
                    .append(" -n ")
                    .append(quote("__fish_seen_subcommand_from " + command))
                    .append(" -l ")
                    .append(longName.substring(2));
            if (option.arity().max() > 0) {
                script.append(" -r");
            }
            if (option.description().length > 0) {
                script.append(" -d ").append(quote(option.description()[0]));
            }
            script.append('\n');
        }
    }

    private static String firstLine(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
