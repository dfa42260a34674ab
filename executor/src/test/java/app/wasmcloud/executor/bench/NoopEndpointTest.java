package app.wasmcloud.executor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.WebApplicationContext;

/** The bench's baseline endpoint exists only when asked for, and then answers before the run route. */
class NoopEndpointTest {

    private final WebApplicationContextRunner executor = new WebApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(WebMvcAutoConfiguration.class, DispatcherServletAutoConfiguration.class))
            .withUserConfiguration(NoopEndpoint.class, CatchAllRoute.class);

    @Test
    void isOffByDefault() {
        executor.run(context -> {
            assertThat(context).doesNotHaveBean(NoopEndpoint.class);
            assertThat(mvc(context).get().uri(NoopEndpoint.PATH)).hasBodyTextEqualTo("run route\n");
        });
    }

    @Test
    void answersAFixedBodyWhenEnabled() {
        executor.withPropertyValues("wasmcloud.executor.bench.noop-endpoint=true")
                .run(context -> {
                    assertThat(mvc(context).get().uri(NoopEndpoint.PATH))
                            .hasStatusOk()
                            .hasContentType("text/plain;charset=utf-8")
                            .hasBodyTextEqualTo("noop\n");
                });
    }

    /** Stands in for the run route, which maps every path: the endpoint must win over it only when enabled. */
    @Controller
    static class CatchAllRoute {

        @RequestMapping("/**")
        @ResponseBody
        String run() {
            return "run route\n";
        }
    }

    private static MockMvcTester mvc(WebApplicationContext context) {
        return MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context).build());
    }
}
