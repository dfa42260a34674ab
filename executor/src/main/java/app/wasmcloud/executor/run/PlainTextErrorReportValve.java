package app.wasmcloud.executor.run;

import app.wasmcloud.contract.WasmcloudHeaders;
import app.wasmcloud.executor.invocation.FunctionRunner;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat answers itself (a malformed escape, a request line it cannot parse) reads like every other refusal of
 * the run domain: a line of plain text naming an invocation id, never Tomcat's HTML page. Registered as the host's
 * error report valve by {@link PlainTextRefusals}; public for Tomcat, which creates it by name.
 */
public class PlainTextErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String invocationId = FunctionRunner.newInvocationId();
        String text = (status == 400 ? "Bad request: the URL or headers could not be read" : "Request refused")
                + " (invocation " + invocationId + ")\n";
        try {
            response.setContentType("text/plain; charset=utf-8");
            response.setHeader(WasmcloudHeaders.INVOCATION_ID, invocationId);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(text);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away, or the response was already on its way; nothing more to say.
        }
    }
}
