package app.wasmcloud.api.env;

import app.wasmcloud.contract.SecretCipher;
import app.wasmcloud.contract.SecretsProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secrets are sealed at rest. At start-up, before the server answers, every secret still in plain text (written
 * before sealing existed) or sealed with a previous key is sealed with the current one. Secrets without a key to seal
 * or open them stop the start: a server that cannot hand them to its functions must not pretend to work.
 */
@Component
public class SecretSealer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SecretSealer.class);

    private final EnvRepository variables;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;

    SecretSealer(EnvRepository variables, SecretsProperties properties, PlatformTransactionManager transactions) {
        this.variables = variables;
        this.cipher = properties.cipher();
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        sealStoredSecrets();
    }

    /** Seals what needs it, in one transaction; returns how many rows changed. */
    public int sealStoredSecrets() {
        Integer changed = transactions.execute(status -> seal());
        return changed == null ? 0 : changed;
    }

    private int seal() {
        List<EnvVariable> secrets = variables.findBySecretTrue();
        if (secrets.isEmpty()) {
            return 0;
        }
        String current = cipher.currentKeyId()
                .orElseThrow(() -> new IllegalStateException(secrets.size() + " secret variables are stored, but no"
                        + " key to seal and open them is configured: set wasmcloud.secrets.key (or key-file) to the"
                        + " key they were sealed with"));
        int changed = 0;
        for (EnvVariable secret : secrets) {
            if (current.equals(secret.keyId())) {
                continue;
            }
            String plain = secret.isPlainSecret()
                    ? secret.storedValue()
                    : cipher.open(secret.functionId(), secret.key(), secret.keyId(), secret.storedValue());
            secret.setSealed(cipher.seal(secret.functionId(), secret.key(), plain));
            changed++;
        }
        if (changed > 0) {
            log.info("Sealed {} secret variables with key '{}'", changed, current);
        }
        return changed;
    }
}
