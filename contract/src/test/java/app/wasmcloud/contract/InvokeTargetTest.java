package app.wasmcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvokeTargetTest {

    @Test
    void missingHeadersMeanGetOrPostOfTheRoot() {
        assertThat(InvokeTarget.parse(null, null, false)).isEqualTo(new InvokeTarget("GET", "/", ""));
        assertThat(InvokeTarget.parse(" ", "", true)).isEqualTo(new InvokeTarget("POST", "/", ""));
    }

    @Test
    void theQueryIsSplitOffThePath() {
        InvokeTarget target = InvokeTarget.parse("PUT", "/items/7?force=yes&x=%20", true);
        assertThat(target).isEqualTo(new InvokeTarget("PUT", "/items/7", "force=yes&x=%20"));
        assertThat(target.pathAndQuery()).isEqualTo("/items/7?force=yes&x=%20");
    }

    @Test
    void badMethodsAndPathsAreRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> InvokeTarget.parse("get", "/", false))
                .hasMessage("Invalid method 'get': use an HTTP method in upper case, such as GET or POST.");
        assertThatThrownBy(() -> InvokeTarget.parse("GET", "items", false)).hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> InvokeTarget.parse("GET", "/a b", false)).hasMessageContaining("percent-encode");
        assertThatThrownBy(() -> InvokeTarget.parse("GET", "/a\nb", false)).hasMessageContaining("percent-encode");
        assertThatThrownBy(() -> InvokeTarget.parse("GET", "/é", false)).hasMessageContaining("percent-encode");
    }
}
