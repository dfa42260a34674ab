package app.wasmcloud.api.function;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Functions as the API presents them.
 *
 * @param runBaseUrl public base URL of the run domain; a function answers at {@code <runBaseUrl>/<name>/}
 * @param maxPerUser how many live functions one user may own
 */
@ConfigurationProperties("wasmcloud.functions")
public record FunctionProperties(
        @DefaultValue("http://localhost:8081") URI runBaseUrl,
        @DefaultValue("100") int maxPerUser) {

    public String urlOf(String name) {
        String base = runBaseUrl.toString();
        return (base.endsWith("/") ? base : base + "/") + name + "/";
    }
}
