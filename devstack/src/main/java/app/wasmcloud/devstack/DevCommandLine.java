package app.wasmcloud.devstack;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code ./dev}'s flags and environment into a {@link DevStackConfig}. A flag wins over its environment
 * variable, which wins over the default. {@code --rebuild} is the script's own and never arrives here.
 */
final class DevCommandLine {

    /** A mistake on the command line or in the environment, said in one line that names the flag. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    private DevCommandLine() {}

    /** The configuration, or null when help was asked for. */
    static DevStackConfig parse(Path repositoryRoot, List<String> arguments, Map<String, String> environment)
            throws UsageException {
        Map<DevPort, Integer> ports = new EnumMap<>(DevPort.class);
        for (DevPort port : DevPort.values()) {
            String value = environment.get(port.environmentVariable);
            ports.put(
                    port,
                    value == null || value.isBlank() ? port.defaultPort : portNumber(value, port.environmentVariable));
        }
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--help") || argument.equals("-h")) {
                return null;
            }
            String[] flagAndValue = argument.split("=", 2);
            DevPort port = byFlag(flagAndValue[0]);
            String value;
            if (flagAndValue.length == 2) {
                value = flagAndValue[1];
            } else if (i + 1 < arguments.size()) {
                value = arguments.get(++i);
            } else {
                throw new UsageException(argument + " needs a port number");
            }
            ports.put(port, portNumber(value, port.flag));
        }
        DevStackConfig defaults = DevStackConfig.defaults(repositoryRoot);
        return new DevStackConfig(
                repositoryRoot,
                defaults.dataDirectory(),
                ports.get(DevPort.API),
                ports.get(DevPort.RUN),
                ports.get(DevPort.EXECUTOR_MANAGEMENT),
                ports.get(DevPort.PANEL),
                ports.get(DevPort.POSTGRES),
                defaults.runDomain());
    }

    static String help() {
        StringBuilder help = new StringBuilder("""
                Usage: ./dev [--rebuild] [--<name>-port PORT]...

                Starts the whole Wasmcloud platform on loopback: embedded PostgreSQL (data in .dev/), the api-server,
                the executor, the panel and the docs. Ctrl-C stops everything. Each start moves the previous start's
                logs to .dev/logs/previous/.

                  --rebuild        build first even if nothing changed
                  -h, --help       print this and exit

                Ports (a flag wins over its environment variable):
                  flag                             environment variable                   default
                """);
        for (DevPort port : DevPort.values()) {
            help.append("  %-32s %-40s %5d  %s%n"
                    .formatted(port.flag + " PORT", port.environmentVariable, port.defaultPort, port.purpose));
        }
        return help.toString();
    }

    private static DevPort byFlag(String flag) throws UsageException {
        for (DevPort port : DevPort.values()) {
            if (port.flag.equals(flag)) {
                return port;
            }
        }
        throw new UsageException("unknown option " + flag + " (./dev --help lists the options)");
    }

    private static int portNumber(String value, String source) throws UsageException {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the accepted range
        }
        throw new UsageException(source + " must be a port number from 1 to 65535, not '" + value + "'");
    }
}
