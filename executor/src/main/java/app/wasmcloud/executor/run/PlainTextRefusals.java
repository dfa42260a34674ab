package app.wasmcloud.executor.run;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's part in cgi.md's path rules: an encoded slash is passed through (Tomcat refuses {@code %2F} by
 * default) so that {@link RunPath} can keep it in {@code PATH_INFO}, and what Tomcat still refuses itself is answered
 * by {@link PlainTextErrorReportValve}.
 */
@Component
class PlainTextRefusals implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling("passthrough"));
        // Added when the host starts, after Spring Boot's own error valve, so it reports first.
        factory.addContextCustomizers(context -> ((StandardHost) context.getParent())
                .setErrorReportValveClass(PlainTextErrorReportValve.class.getName()));
    }
}
