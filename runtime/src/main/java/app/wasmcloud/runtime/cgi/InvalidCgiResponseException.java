package app.wasmcloud.runtime.cgi;

/** What a function wrote to stdout is not a CGI response; the message says why, for the owner's invocation record. */
public final class InvalidCgiResponseException extends Exception {

    public InvalidCgiResponseException(String message) {
        super(message);
    }
}
