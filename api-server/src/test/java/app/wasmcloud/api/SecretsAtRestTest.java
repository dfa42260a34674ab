package app.wasmcloud.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.env.SecretSealer;
import app.wasmcloud.contract.SecretCipher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Secret variables are sealed with AES-GCM under the operator's key, named in the row; plain rows are sealed at start. */
class SecretsAtRestTest extends ApiTestBase {

    @Autowired
    SecretSealer sealer;

    final SecretCipher cipher = SecretCipher.fromSettings("test-1", key("secrets"), null, Map.of());

    @Test
    void aSecretIsStoredSealedWithItsKeyIdAndNoDumpOfTheDatabaseContainsIt() throws Exception {
        String token = devToken();
        String name = deployHello(token, "sealed");

        send(
                "PUT",
                "/api/functions/" + name + "/env/DB_PASSWORD",
                token,
                "{\"value\":\"pa55-w0rd-xyzzy\",\"secret\":true}");
        send("PUT", "/api/functions/" + name + "/env/GREETING", token, "{\"value\":\"hello\"}");

        Map<String, Object> row = jdbc.sql("SELECT e.function_id, e.value, e.key_id FROM function_env e"
                        + " JOIN functions f ON f.id = e.function_id WHERE f.name = :name AND e.key = 'DB_PASSWORD'")
                .param("name", name)
                .query()
                .singleRow();
        assertThat(row.get("key_id")).isEqualTo("test-1");
        assertThat((String) row.get("value")).doesNotContain("pa55-w0rd-xyzzy");
        assertThat(cipher.open(((Number) row.get("function_id")).longValue(), "DB_PASSWORD", "test-1", (String)
                        row.get("value")))
                .isEqualTo("pa55-w0rd-xyzzy");
        String dump = String.join(
                "\n",
                jdbc.sql("SELECT e::text FROM function_env e")
                        .query(String.class)
                        .list());
        assertThat(dump).doesNotContain("pa55-w0rd-xyzzy").contains("hello");
    }

    @Test
    void aSecretStoredInPlainTextBeforeSealingExistedIsSealedAtStartUp() throws Exception {
        String token = devToken();
        String name = deployHello(token, "legacy");
        long functionId = jdbc.sql("SELECT id FROM functions WHERE name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
        jdbc.sql(
                        "INSERT INTO function_env (function_id, key, value, secret) VALUES (:id, 'OLD_TOKEN', 'plain-0ld', true)")
                .param("id", functionId)
                .update();

        int sealed = sealer.sealStoredSecrets();

        assertThat(sealed).isGreaterThanOrEqualTo(1);
        Map<String, Object> row = jdbc.sql(
                        "SELECT value, key_id FROM function_env WHERE function_id = :id AND key = 'OLD_TOKEN'")
                .param("id", functionId)
                .query()
                .singleRow();
        assertThat(row.get("key_id")).isEqualTo("test-1");
        assertThat(cipher.open(functionId, "OLD_TOKEN", "test-1", (String) row.get("value")))
                .isEqualTo("plain-0ld");
        assertThat(sealer.sealStoredSecrets()).as("nothing left to seal").isZero();
    }
}
