package app.wasmcloud.devstack;

/**
 * The loopback ports {@code ./dev} takes, each settable by a flag or an environment variable: the one list that the
 * parser, the help text and the "port taken" message read.
 */
enum DevPort {
    API("--api-port", "WASMCLOUD_DEV_API_PORT", 8080, "the API (api-server)"),
    RUN("--run-port", "WASMCLOUD_DEV_RUN_PORT", 8081, "public function URLs (executor)"),
    EXECUTOR_MANAGEMENT(
            "--executor-management-port", "WASMCLOUD_DEV_EXECUTOR_MANAGEMENT_PORT", 9081, "executor health, metrics"),
    PANEL("--panel-port", "WASMCLOUD_DEV_PANEL_PORT", 8090, "the panel and the docs"),
    POSTGRES("--postgres-port", "WASMCLOUD_DEV_POSTGRES_PORT", 54329, "embedded PostgreSQL");

    final String flag;
    final String environmentVariable;
    final int defaultPort;
    final String purpose;

    DevPort(String flag, String environmentVariable, int defaultPort, String purpose) {
        this.flag = flag;
        this.environmentVariable = environmentVariable;
        this.defaultPort = defaultPort;
        this.purpose = purpose;
    }

    int of(DevStackConfig config) {
        return switch (this) {
            case API -> config.apiPort();
            case RUN -> config.executorPort();
            case EXECUTOR_MANAGEMENT -> config.executorManagementPort();
            case PANEL -> config.panelPort();
            case POSTGRES -> config.postgresPort();
        };
    }
}
