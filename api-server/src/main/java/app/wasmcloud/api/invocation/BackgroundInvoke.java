package app.wasmcloud.api.invocation;

import app.wasmcloud.api.function.FunctionEntity;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.ResponseEntity;

/**
 * The background door of {@code POST /api/functions/{name}/invoke} ({@code Prefer: respond-async}): stores the
 * request and answers 202. The async feature implements it, so invoking does not depend on how the queue works.
 */
public interface BackgroundInvoke {

    /** Stores the request for the function (owner already checked, a version deployed) and answers 202. */
    ResponseEntity<?> accept(FunctionEntity function, HttpServletRequest request) throws IOException;
}
