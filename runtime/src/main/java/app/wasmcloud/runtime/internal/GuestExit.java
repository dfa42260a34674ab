package app.wasmcloud.runtime.internal;

/** Unwinds the guest when it asks to stop (Olin runtime_exit): an exit code, not an error. */
public final class GuestExit extends RuntimeException {

    private final int status;

    public GuestExit(int status) {
        super("exit " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
