package app.wasmcloud.devstack;

import java.nio.file.Path;

/**
 * Where the dev stack finds its parts and which loopback ports it takes.
 *
 * @param repositoryRoot the checkout, whose modules have been built
 * @param dataDirectory kept between runs: database files, stored modules, secrets, service logs
 * @param runDomain functions also answer host-style at {@code <name>.<runDomain>}
 */
public record DevStackConfig(
        Path repositoryRoot,
        Path dataDirectory,
        int apiPort,
        int executorPort,
        int executorManagementPort,
        int panelPort,
        int postgresPort,
        String runDomain) {

    public static DevStackConfig defaults(Path repositoryRoot) {
        return new DevStackConfig(
                repositoryRoot, repositoryRoot.resolve(".dev"), 8080, 8081, 9081, 8090, 54329, "localhost");
    }

    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    public String runUrl() {
        return "http://localhost:" + executorPort;
    }

    public String panelUrl() {
        return "http://localhost:" + panelPort + "/";
    }

    Path apiServerJar() {
        return repositoryRoot.resolve("api-server/target/api-server-exec.jar");
    }

    Path executorJar() {
        return repositoryRoot.resolve("executor/target/executor-exec.jar");
    }

    public String docsUrl() {
        return "http://localhost:" + panelPort + "/docs/";
    }

    Path panelDirectory() {
        return repositoryRoot.resolve("panel/target/dist");
    }

    Path docsDirectory() {
        return repositoryRoot.resolve("docs-site/target/classes/static/docs");
    }
}
