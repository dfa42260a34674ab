package app.wasmcloud.api.env;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import app.wasmcloud.contract.SecretCipher;
import app.wasmcloud.contract.SecretsProperties;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

/** Start-up with stored secrets and no key to open them must fail, naming the setting, rather than serve. */
class SecretSealerTest {

    @Test
    void storedSecretsWithoutAConfiguredKeyStopTheStartNamingTheSetting() {
        EnvVariable stored = new EnvVariable(1, "API_KEY");
        stored.setSealed(new SecretCipher.Sealed("2026-11", "c2VhbGVk"));
        EnvRepository variables = mock(EnvRepository.class);
        when(variables.findBySecretTrue()).thenReturn(List.of(stored));
        SecretSealer sealer = new SecretSealer(
                variables,
                new SecretsProperties("primary", null, null, Map.of()),
                mock(PlatformTransactionManager.class));

        assertThatThrownBy(sealer::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 secret variables are stored")
                .hasMessageContaining("wasmcloud.secrets.key");
    }

    @Test
    void aRowSealedWithAKeyThatIsNotConfiguredStopsTheStartNamingTheKey() {
        EnvVariable stored = new EnvVariable(1, "API_KEY");
        stored.setSealed(new SecretCipher.Sealed("retired", "c2VhbGVk"));
        EnvRepository variables = mock(EnvRepository.class);
        when(variables.findBySecretTrue()).thenReturn(List.of(stored));
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        SecretSealer sealer = new SecretSealer(
                variables,
                new SecretsProperties("current", key, null, Map.of()),
                mock(PlatformTransactionManager.class));

        assertThatThrownBy(sealer::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key 'retired', which is not configured");
    }
}
