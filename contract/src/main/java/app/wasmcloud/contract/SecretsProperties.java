package app.wasmcloud.contract;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator key that seals secret variables: the api-server seals with it, executors open with it, so both bind
 * these same {@code wasmcloud.secrets.*} settings, and an executor needs every key a row may name.
 *
 * <p>{@code key} is described before {@code keyId}: the metadata processor would otherwise take keyId's line for it.
 *
 * @param key the current key, base64 of 32 bytes (openssl rand -base64 32); from the environment, never committed
 * @param keyId the current key's name, stored in each row it seals; change it with the key to rotate
 * @param keyFile a file holding the key instead, e.g. a mounted secret
 * @param previousKeys keys that rows may still be sealed with, by id; start-up re-seals those rows with the current
 *     key, after which they can be removed
 */
@ConfigurationProperties("wasmcloud.secrets")
public record SecretsProperties(
        @DefaultValue("primary") String keyId,
        String key,
        Path keyFile,
        @DefaultValue Map<String, String> previousKeys) {

    public SecretCipher cipher() {
        return SecretCipher.fromSettings(keyId, key, keyFile, previousKeys);
    }
}
