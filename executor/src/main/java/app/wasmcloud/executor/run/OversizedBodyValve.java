package app.wasmcloud.executor.run;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets Tomcat drop a body no function may receive. After a reply Tomcat reads ("swallows") what is left of an unread
 * body before reusing the connection, so a request declaring a gigabyte would hold a container thread waiting on the
 * client. Marked here once answered, such a request gets its 413 from {@link CgiGateway} and the connection closes.
 */
@Component
class OversizedBodyValve extends ValveBase implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final long maxRequestBytes;

    OversizedBodyValve(RunProperties properties) {
        super(true);
        this.maxRequestBytes = properties.maxRequestBytes().toBytes();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addEngineValves(this);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        getNext().invoke(request, response);
        // Only once the reply is written: earlier, Tomcat would treat the request as failed and answer 500 instead.
        if (request.getContentLengthLong() > maxRequestBytes) {
            request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
        }
    }
}
