package app.wasmcloud.api.security;

/**
 * The caller is known but may not do this: the API answers 403 with the message as the problem's detail. Its own
 * type rather than the web layer's exception, so that this package stays the leaf every feature can depend on.
 */
public class AccessRefusedException extends RuntimeException {

    public AccessRefusedException(String detail) {
        super(detail);
    }
}
