package app.wasmcloud.runtime.cgi;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.contract.InvocationOutcome;
import app.wasmcloud.runtime.LogLine;
import app.wasmcloud.runtime.Outcome;
import app.wasmcloud.runtime.RunResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cgi.md's "Function → response" failure table, as the one exchange answers it for the executor and serve. */
class CgiExchangeTest {

    private static final String ID = "0190f3c4-0000-7000-8000-000000000001";

    @Test
    void aValidResponseIsTheFunctionsOwnReply() {
        CgiReply reply = CgiExchange.reply(run(Outcome.OK, 0, "Content-Type: text/plain\n\nhi"), ID);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers()).containsExactly(new Header("Content-Type", "text/plain"));
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(reply.outcome()).isEqualTo(InvocationOutcome.OK);
        assertThat(reply.detail()).isNull();
    }

    @Test
    void aNonzeroExitWithAValidResponseIsSentAsWritten() {
        CgiReply reply = CgiExchange.reply(run(Outcome.NONZERO_EXIT, 3, "Status: 418 Teapot\n\n"), ID);

        assertThat(reply.status()).isEqualTo(418);
        assertThat(reply.outcome()).isEqualTo(InvocationOutcome.NONZERO_EXIT);
        assertThat(reply.detail()).isEqualTo("(exit code 3)");
    }

    @Test
    void failuresGetThePlatformsShortTextReplyWithTheInvocationId() {
        assertError(CgiExchange.reply(run(Outcome.TRAP, -1, ""), ID), 502, "The function failed");
        assertError(CgiExchange.reply(run(Outcome.MEMORY_LIMIT, -1, ""), ID), 502, "The function failed");
        assertError(CgiExchange.reply(run(Outcome.TIMEOUT, -1, ""), ID), 504, "The function ran out of time");
        assertError(
                CgiExchange.reply(run(Outcome.OUTPUT_LIMIT, -1, ""), ID),
                502,
                "The function's response is over the size limit");
        CgiReply empty = CgiExchange.reply(run(Outcome.OK, 0, ""), ID);
        assertError(empty, 502, "The function returned an invalid response");
        assertThat(empty.outcome()).isEqualTo(InvocationOutcome.INVALID_RESPONSE);
        assertThat(empty.detail()).startsWith("invalid response: ");
        assertThat(empty.result()).isNotNull();
    }

    @Test
    void headersOverTheCapMakeTheResponseInvalid() {
        String big = "X-Big: " + "a".repeat(CgiExchange.MAX_RESPONSE_HEADER_BYTES) + "\n";
        CgiReply reply = CgiExchange.reply(run(Outcome.OK, 0, "Content-Type: text/plain\n" + big + "\nbody"), ID);

        assertError(reply, 502, "The function returned an invalid response");
        assertThat(reply.detail()).contains("over the limit of " + CgiExchange.MAX_RESPONSE_HEADER_BYTES);
    }

    @Test
    void onlyTemporaryRefusalsCarryRetryAfter() {
        assertThat(CgiReply.refusal(InvocationOutcome.OVERLOADED, ID).headers())
                .contains(new Header("Retry-After", "1"));
        assertThat(CgiReply.refusal(InvocationOutcome.THROTTLED, ID).status()).isEqualTo(429);
        assertThat(CgiReply.refusal(InvocationOutcome.TRAP, ID).headers())
                .extracting(Header::name)
                .doesNotContain("Retry-After");
    }

    @Test
    void theBodyLimitRefusesADeclaredLengthBeforeReadingAndAnUndeclaredOneOneBytePast() throws Exception {
        RequestBodyLimit limit = new RequestBodyLimit(4);

        assertThat(limit.read(new ByteArrayInputStream(new byte[0]), 5)).isNull();
        assertThat(limit.read(new ByteArrayInputStream("abcde".getBytes(StandardCharsets.UTF_8)), -1))
                .isNull();
        assertThat(limit.read(new ByteArrayInputStream("abcd".getBytes(StandardCharsets.UTF_8)), -1))
                .containsExactly('a', 'b', 'c', 'd');
        assertError(limit.tooLarge(ID), 413, "The request body is over the limit of 4 bytes");
    }

    private static void assertError(CgiReply reply, int status, String message) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(message + " (invocation " + ID + ")\n");
        assertThat(reply.headers()).contains(new Header("Content-Type", "text/plain;charset=utf-8"));
        assertThat(reply.invocationId()).isEqualTo(ID);
    }

    private static RunResult run(Outcome outcome, int exitCode, String stdout) {
        return new RunResult(
                outcome,
                exitCode,
                outcome == Outcome.TRAP ? "unreachable" : null,
                stdout.getBytes(StandardCharsets.UTF_8),
                new byte[0],
                List.<LogLine>of(),
                1,
                1,
                1,
                0,
                Map.of());
    }
}
