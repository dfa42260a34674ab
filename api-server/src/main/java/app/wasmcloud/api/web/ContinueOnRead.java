package app.wasmcloud.api.web;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Answers {@code Expect: 100-continue} only when the body is read. Tomcat's default sends {@code 100 Continue} as
 * soon as the headers are parsed, so a client declaring a body over a limit (an invocation, a module) started
 * uploading before it heard the 413 that the declared length already decided; now a refused body is never invited.
 */
@Component
class ContinueOnRead implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }
}
