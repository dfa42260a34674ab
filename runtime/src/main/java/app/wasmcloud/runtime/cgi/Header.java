package app.wasmcloud.runtime.cgi;

import java.util.Objects;

/** One HTTP header field as received or to be sent; repeated fields are separate headers, in order. */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
