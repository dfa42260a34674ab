package app.wasmcloud.contract;

/**
 * The PostgreSQL {@code NOTIFY} channel on which the api-server announces a function's change (deploy, rollback,
 * settings, environment, delete) and every executor listens. The payload is the function's name.
 */
public final class FunctionChanges {
    public static final String CHANNEL = "wasmcloud_functions";

    private FunctionChanges() {}
}
