package app.wasmcloud.executor.function;

import app.wasmcloud.contract.SecretCipher;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The keys that open secret variables, the same {@code wasmcloud.secrets.*} settings the api-server seals them with
 * (see its SecretsProperties); an executor only opens, so it needs every key a row may name.
 *
 * @param keyId the current key's name
 * @param key the current key, base64 of 32 bytes; from the environment, never committed
 * @param keyFile a file holding the key instead
 * @param previousKeys keys rows may still be sealed with, by id, during a rotation
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
