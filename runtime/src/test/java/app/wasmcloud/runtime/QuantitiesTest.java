package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({"500ms, 500", "10s, 10000", "2m, 120000", "1h, 3600000", " 3 s , 3000"})
    void durationsParseWithTheirUnit(String text, long millis) {
        assertThat(Quantities.parseDuration(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "''{0}'' is not a duration")
    @ValueSource(strings = {"10", "ten seconds", "0s", "-1s", "1.5s", ""})
    void badDurationsSayWhatIsAllowed(String text) {
        assertThatThrownBy(() -> Quantities.parseDuration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.strip().isEmpty() ? "invalid duration" : "'" + text + "'");
    }

    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"16MiB, 16777216", "64KiB, 65536", "1GiB, 1073741824", "1024, 1024", "16M, 16777216", "512B, 512"})
    void sizesParseWithBinaryUnits(String text, long bytes) {
        assertThat(Quantities.parseBytes(text)).isEqualTo(bytes);
    }

    @Test
    void badSizesSayWhatIsAllowed() {
        assertThatThrownBy(() -> Quantities.parseBytes("16 megs"))
                .hasMessage("invalid size '16 megs': use a whole number of bytes, optionally with KiB, MiB or GiB");
    }

    @ParameterizedTest(name = "{0} is too large")
    @ValueSource(strings = {"17179869185G", "99999999999999999999", "9223372036854775807GiB"})
    void sizesTooLargeForALongAreRefused(String text) {
        assertThatThrownBy(() -> Quantities.parseBytes(text)).hasMessageContaining("too large");
    }

    @ParameterizedTest(name = "{0} is too large")
    @ValueSource(strings = {"9223372036854775807h", "99999999999999999999s"})
    void durationsTooLargeForADurationAreRefused(String text) {
        assertThatThrownBy(() -> Quantities.parseDuration(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void sizesBecomePagesRoundedUp() {
        assertThat(Quantities.pagesFor(Quantities.parseBytes("16MiB"))).isEqualTo(256);
        assertThat(Quantities.pagesFor(1)).isEqualTo(1);
        assertThatThrownBy(() -> Quantities.pagesFor(Quantities.parseBytes("5GiB")))
                .hasMessageContaining("5GiB");
    }

    @Test
    void formattingPicksTheShortestExactUnit() {
        assertThat(Quantities.formatDuration(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Quantities.formatDuration(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(Quantities.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Quantities.formatBytes(16L * 1024 * 1024)).isEqualTo("16MiB");
        assertThat(Quantities.formatBytes(1000)).isEqualTo("1000B");
    }
}
