package app.wasmcloud.executor.bench;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The baseline of {@code bench/executor/run.sh}: a reply that runs no function, served on the run domain's own
 * connector, filters and dispatcher, so hello's throughput can be compared with what the executor does around it.
 * Off unless {@code wasmcloud.executor.bench.noop-endpoint=true}. The path cannot shadow a function: function names
 * are DNS labels, which never start with an underscore.
 */
@Controller
@ConditionalOnBooleanProperty("wasmcloud.executor.bench.noop-endpoint")
class NoopEndpoint {

    static final String PATH = "/_bench/noop";
    private static final byte[] BODY = "noop\n".getBytes(StandardCharsets.US_ASCII);

    /** Written as the run path writes a function's reply: status, type, length, bytes. */
    @GetMapping(PATH)
    void noop(HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
