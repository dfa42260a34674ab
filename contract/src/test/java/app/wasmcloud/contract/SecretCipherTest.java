package app.wasmcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B =
            Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

    @Test
    void aSealedValueHoldsNoPlaintextAndOpensUnderItsKeyForItsOwnRowOnly() {
        SecretCipher cipher = SecretCipher.fromSettings("2026-12", KEY_A, null, Map.of());

        SecretCipher.Sealed sealed = cipher.seal(7, "API_KEY", "hunter2-very-secret");

        assertThat(sealed.keyId()).isEqualTo("2026-12");
        assertThat(sealed.value()).doesNotContain("hunter2");
        assertThat(new String(Base64.getDecoder().decode(sealed.value()))).doesNotContain("hunter2");
        assertThat(cipher.open(7, "API_KEY", "2026-12", sealed.value())).isEqualTo("hunter2-very-secret");
        assertThat(cipher.seal(7, "API_KEY", "hunter2-very-secret").value())
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed.value());
        assertThatThrownBy(() -> cipher.open(8, "API_KEY", "2026-12", sealed.value()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void afterRotationOldRowsOpenWithThePreviousKeyAndNewOnesAreSealedWithTheNewOne() {
        SecretCipher before = SecretCipher.fromSettings("one", KEY_A, null, Map.of());
        String old = before.seal(1, "TOKEN", "s3cret").value();

        SecretCipher after = SecretCipher.fromSettings("two", KEY_B, null, Map.of("one", KEY_A));

        assertThat(after.open(1, "TOKEN", "one", old)).isEqualTo("s3cret");
        assertThat(after.seal(1, "TOKEN", "s3cret").keyId()).isEqualTo("two");
        assertThatThrownBy(() -> before.open(
                        1, "TOKEN", "two", after.seal(1, "TOKEN", "x").value()))
                .hasMessageContaining("key 'two', which is not configured");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedSayingHowToMakeOne() {
        assertThatThrownBy(() -> SecretCipher.fromSettings("k", "c2hvcnQ=", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void withoutAKeyNothingCanBeSealed() {
        SecretCipher none = SecretCipher.fromSettings("primary", null, null, Map.of());

        assertThat(none.currentKeyId()).isEmpty();
        assertThatThrownBy(() -> none.seal(1, "A", "b")).isInstanceOf(IllegalStateException.class);
    }
}
