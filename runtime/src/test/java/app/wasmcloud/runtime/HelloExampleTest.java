package app.wasmcloud.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.runtime.cgi.CgiRequest;
import app.wasmcloud.runtime.cgi.CgiResponse;
import app.wasmcloud.runtime.cgi.Header;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The C example in examples/hello, run the way the executor runs it: CGI request in, CGI response out. */
class HelloExampleTest {

    private static ExecutionPool pool;
    private static WasmFunction hello;

    @BeforeAll
    static void load() throws Exception {
        pool = new ExecutionPool(1, 1024 * 1024);
        byte[] wasm = Files.readAllBytes(Path.of("../examples/hello/hello.wasm"));
        hello = WasmFunction.load(wasm, null, Limits.defaults().maxMemoryPages());
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    private static CgiResponse invoke(String method, String pathInfo, String body, Map<String, String> functionEnv)
            throws Exception {
        var request = CgiRequest.builder()
                .method(method)
                .requestUri("/hello" + pathInfo)
                .scriptName("/hello")
                .pathInfo(pathInfo)
                .server("run.example.app", 443, true)
                .remoteAddr("203.0.113.7")
                .headers(List.of(new Header("Content-Type", "text/plain")))
                .body(body.getBytes(StandardCharsets.UTF_8))
                .function("hello", 1, "inv-1")
                .build();
        var invocation = new Invocation(
                request.argv(), request.environment(functionEnv), request.body(), Fixtures.quickLimits());
        RunResult result = pool.run(hello, invocation);
        assertThat(result.outcome()).as(result.trapMessage()).isEqualTo(Outcome.OK);
        return CgiResponse.parse(result.stdout());
    }

    @Test
    void echoesGreetingMethodPathAndBodyByteForByte() throws Exception {
        CgiResponse response = invoke("POST", "/some/path", "ping\r\npong", Map.of("GREETING", "hej"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(new Header("Content-Type", "text/plain"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("hej from wasmcloud!\nmethod: POST\npath: /some/path\nbody: ping\r\npong\n");
    }

    @Test
    void saysHelloWhenNoGreetingIsConfigured() throws Exception {
        CgiResponse response = invoke("GET", "", "", Map.of());

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("hello from wasmcloud!\nmethod: GET\npath: \nbody: \n");
    }

    @Test
    void declaresOnlyOlinImportsAndStart() {
        assertThat(hello.info().abi()).isEqualTo(Abi.OLIN);
        assertThat(hello.info().entrypoint()).isEqualTo("_start");
        assertThat(hello.info().imports()).allMatch(name -> name.startsWith("env."));
    }
}
