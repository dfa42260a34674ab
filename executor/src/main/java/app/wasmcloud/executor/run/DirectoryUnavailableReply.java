package app.wasmcloud.executor.run;

import app.wasmcloud.executor.function.FunctionDirectoryUnavailableException;
import app.wasmcloud.executor.invocation.FunctionRunner;
import app.wasmcloud.runtime.cgi.CgiReply;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A name the directory could not look up gets a fast 503 with {@code Retry-After}, on the run domain and the internal
 * endpoint alike: the function may well exist, so a 404 would be a lie.
 */
@ControllerAdvice
class DirectoryUnavailableReply {

    private static final Logger log = LoggerFactory.getLogger(DirectoryUnavailableReply.class);

    @ExceptionHandler(FunctionDirectoryUnavailableException.class)
    void unavailable(FunctionDirectoryUnavailableException e, HttpServletResponse response) throws IOException {
        log.debug(
                "{}: {}",
                e.getMessage(),
                e.getCause() == null ? "" : e.getCause().getMessage());
        CgiGateway.write(
                response,
                CgiReply.error(
                        503,
                        "The function directory is unavailable; retry shortly",
                        FunctionRunner.newInvocationId(),
                        true),
                "GET");
    }
}
