package app.wasmcloud.executor.run;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.apache.coyote.ContinueResponseTiming;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers {@code Expect: 100-continue} only for a body that may be sent. Tomcat's default sends {@code 100 Continue}
 * as soon as the headers are parsed, so a client declaring 12 MB started uploading before it heard the 413 that the
 * declared length already decided. Here Tomcat sends nothing by itself, and this valve invites a body whose declared
 * length is within the limit (or unknown, chunked) before the request goes on; one over it gets its 413 from
 * {@link CgiGateway} uninvited. (Tomcat's "on read" timing alone is not enough: the body is read without blocking,
 * which never triggers it.)
 */
@Component
class ContinueOnRead extends ValveBase implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final long maxRequestBytes;

    ContinueOnRead(RunProperties properties) {
        super(true);
        this.maxRequestBytes = properties.maxRequestBytes().toBytes();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
        factory.addEngineValves(this);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getCoyoteRequest().hasExpectation() && request.getContentLengthLong() <= maxRequestBytes) {
            request.getCoyoteRequest().action(ActionCode.ACK, ContinueResponseTiming.ALWAYS);
        }
        getNext().invoke(request, response);
    }
}
