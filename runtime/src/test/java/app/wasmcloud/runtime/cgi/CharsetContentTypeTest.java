package app.wasmcloud.runtime.cgi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetContentTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "text/html; charset=utf-8|text/html;charset=utf-8",
                "Text/HTML; Charset=\"UTF-8\"; q=1|Text/HTML;q=1;charset=UTF-8",
                "text/html; CHARSET=latin1|text/html;charset=latin1",
                "text/html; charset=utf-8; x=\"a; b\"|text/html;x=\"a; b\";charset=utf-8",
                "text/plain ; format=flowed|text/plain ; format=flowed",
                "text/plain|text/plain",
                "weird; charset=utf-8|weird; charset=utf-8",
                "text/html; a; charset=utf-8|text/html; a; charset=utf-8",
            })
    void aCharsetIsSpelledLastAndUnquotedAndAnythingElsePassesAsWritten(String written, String sent) {
        assertThat(CharsetContentType.canonical(written)).isEqualTo(sent);
    }
}
