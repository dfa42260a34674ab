package app.wasmcloud.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class InvocationOriginTest {

    @Test
    void noBackgroundHeadersMeanASynchronousApiInvocation() {
        assertThat(InvocationOrigin.fromHeaders(null, null, null)).isEqualTo(InvocationOrigin.of(InvocationSource.API));
    }

    @Test
    void theThreeHeadersNameTheRequestAndTheAttempt() {
        UUID request = UUID.randomUUID();

        InvocationOrigin origin = InvocationOrigin.fromHeaders("schedule", request.toString(), "2");

        assertThat(origin.source()).isEqualTo(InvocationSource.SCHEDULE);
        assertThat(origin.asyncRequestId()).isEqualTo(request);
        assertThat(origin.attempt()).isEqualTo(2);
    }

    @Test
    void aPartialOrMalformedSetIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() ->
                        InvocationOrigin.fromHeaders("run", UUID.randomUUID().toString(), "1"))
                .hasMessageContaining("async or schedule");
        assertThatThrownBy(() -> InvocationOrigin.fromHeaders("async", "not-a-uuid", "1"))
                .hasMessageContaining("UUID");
        assertThatThrownBy(() ->
                        InvocationOrigin.fromHeaders("async", UUID.randomUUID().toString(), "0"))
                .hasMessageContaining("number from 1");
        assertThatThrownBy(() -> InvocationOrigin.fromHeaders("async", null, null))
                .hasMessageContaining("UUID");
    }
}
