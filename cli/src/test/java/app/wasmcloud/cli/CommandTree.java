package app.wasmcloud.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Every command the CLI has, found by walking picocli's command tree rather than from a list kept by hand. */
final class CommandTree {
    private CommandTree() {}

    /** Each command by its path of names (the top command's is empty); aliases are skipped, being the same command. */
    static Map<List<String>, CommandLine> all() {
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        CommandLine root = CommandLineFactory.create(
                Terminal.redirected(InputStream.nullInputStream(), discard, discard, Map.of()), new String[0]);
        Map<List<String>, CommandLine> commands = new LinkedHashMap<>();
        walk(root, List.of(), commands);
        return commands;
    }

    private static void walk(CommandLine command, List<String> path, Map<List<String>, CommandLine> commands) {
        commands.put(path, command);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                walk(sub, List.copyOf(subPath), commands);
            }
        });
    }
}
