package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.contract.SecretCipher;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A secret sealed by the api-server opens in the executor, just before the function gets it. */
@Timeout(60)
class SealedSecretTest extends ExecutorTest {

    @Test
    void aSealedSecretReachesTheFunctionAsItsPlainValue() {
        String name = deploy("hello");
        long id = jdbc.sql("SELECT id FROM functions WHERE name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        SecretCipher.Sealed sealed = SecretCipher.fromSettings(SECRETS_KEY_ID, SECRETS_KEY, null, Map.of())
                .seal(id, "GREETING", "Sealed-Howdy");
        jdbc.sql("INSERT INTO function_env (function_id, key, value, secret, key_id) VALUES (:id, 'GREETING', :v,"
                        + " true, :k)")
                .param("id", id)
                .param("v", sealed.value())
                .param("k", sealed.keyId())
                .update();
        notifyChanged(name);

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(sealed.value()).doesNotContain("Sealed-Howdy");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("Sealed-Howdy from wasmcloud!");
    }
}
