package app.wasmcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void spellsTheDigestInLowerCaseHex() {
        // FIPS 180-2's example for "abc".
        assertThat(Sha256.hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void onlyThatSpellingNamesAKey() throws IOException {
        String hex = Sha256.hex(new byte[0]);

        assertThat(Sha256.requireHex(hex)).isEqualTo(hex);
        assertThat(Sha256.isHex(hex.toUpperCase())).isFalse();
        assertThat(Sha256.isHex(hex.substring(1))).isFalse();
        assertThat(Sha256.isHex("../" + hex.substring(3))).isFalse();
        assertThat(Sha256.isHex(null)).isFalse();
        assertThatThrownBy(() -> Sha256.requireHex("x")).isInstanceOf(IOException.class);
    }
}
