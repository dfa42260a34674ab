package app.wasmcloud.api.tier;

import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The precompiled examples the docs publish, by SHA-256: all an {@code examples} account may deploy. The build copies
 * {@code examples/<name>/*.wasm} into the jar ({@code examples-catalog/}), so the catalog is exactly what that
 * release's docs list, and hashing it at startup fails fast on a build that lost them.
 */
@Component
public class ExamplesCatalog {

    static final String LOCATION = "classpath*:examples-catalog/*/*.wasm";

    /** SHA-256 (lower-case hex) to the example's path, e.g. {@code hello/hello.wasm}. */
    private final Map<String, String> examples;

    ExamplesCatalog() {
        this.examples = load();
        if (examples.isEmpty()) {
            throw new IllegalStateException(
                    "The examples catalog is empty: the build copies examples/*/*.wasm into " + LOCATION);
        }
    }

    /** Every example, by hash, for the account page and the docs. */
    public Map<String, String> examples() {
        return examples;
    }

    public boolean contains(String sha256) {
        return examples.containsKey(sha256);
    }

    /** The 403 an {@code examples} account gets for any other module, saying how to get further. */
    public static ApiException notAnExample(String sha256) {
        return new ApiException(
                HttpStatus.FORBIDDEN,
                "Only the examples on this tier",
                "Your account is on the examples tier, which may deploy only the precompiled examples the docs publish"
                        + " (this module's SHA-256 " + sha256 + " is not one of them). To deploy your own modules,"
                        + " apply for the free tier: `wasmcloud account apply --reason \"what you want to build\"`,"
                        + " or the Apply form on the panel's Account page; an admin reviews it.");
    }

    private static Map<String, String> load() {
        Map<String, String> found = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    String path = resource.getURI().toString();
                    int folder = path.lastIndexOf('/', path.lastIndexOf('/') - 1);
                    found.put(sha256(in), path.substring(folder + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the examples catalog", e);
        }
        return Map.copyOf(found);
    }

    private static String sha256(InputStream in) throws IOException {
        return sha256(in.readAllBytes());
    }

    /** The module's SHA-256 in lower-case hex, the spelling of the catalog and of the versions' {@code sha256}. */
    public static String sha256(byte[] module) {
        return Sha256.hex(module);
    }
}
