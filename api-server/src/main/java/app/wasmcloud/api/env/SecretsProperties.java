package app.wasmcloud.api.env;

import app.wasmcloud.contract.SecretCipher;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator key that seals secret variables (the executors read the same settings to open them).
 *
 * @param keyId the current key's name, stored in each row it seals; change it with the key to rotate
 * @param key the current key, base64 of 32 bytes (openssl rand -base64 32); from the environment, never committed
 * @param keyFile a file holding the key instead, e.g. a mounted secret
 * @param previousKeys keys that rows may still be sealed with, by id; start-up re-seals those rows with the current
 *     key, after which they can be removed
 */
@ConfigurationProperties("wasmcloud.secrets")
record SecretsProperties(
        @DefaultValue("primary") String keyId,
        String key,
        Path keyFile,
        @DefaultValue Map<String, String> previousKeys) {

    SecretCipher cipher() {
        return SecretCipher.fromSettings(keyId, key, keyFile, previousKeys);
    }
}
