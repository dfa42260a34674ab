package app.wasmcloud.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 as a problem detail that tells the caller what to do next. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = request.getAttribute(BearerTokenFilter.REJECTED_TOKEN) != null
                ? "The API token is invalid, expired or revoked; log in again (wasmcloud login)."
                : "Authentication required: send 'Authorization: Bearer <token>' (wasmcloud login).";
        response.setHeader("WWW-Authenticate", "Bearer");
        FilterProblems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
    }
}
