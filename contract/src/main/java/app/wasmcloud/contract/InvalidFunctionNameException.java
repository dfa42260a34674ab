package app.wasmcloud.contract;

/** A function name that breaks {@link FunctionName}'s rule; the message says what is wrong and what is allowed. */
public final class InvalidFunctionNameException extends IllegalArgumentException {
    InvalidFunctionNameException(String message) {
        super(message);
    }
}
