package app.wasmcloud.executor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A deployed function reaches exactly the hosts on its allow-list, read with the function and changed by NOTIFY like
 * any other setting. The server it fetches from is on loopback, which this test context permits (see
 * {@link ExecutorTest}); the allow-list is what is under test.
 */
class EgressTest extends ExecutorTest {

    private static HttpServer upstream;
    private static final AtomicInteger upstreamRequests = new AtomicInteger();

    @BeforeAll
    static void startUpstream() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/fetched", exchange -> {
            upstreamRequests.incrementAndGet();
            byte[] body = "fetched content".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        upstream.start();
    }

    @AfterAll
    static void stopUpstream() {
        upstream.stop(0);
    }

    @Test
    void aHostOnTheAllowListIsFetched() throws Exception {
        String name = deployFetching("{127.0.0.1}");

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nfetched content");
        assertThat(recordOf(response)).isEqualTo("ok 200");
    }

    @Test
    void aHostOffTheAllowListIsRefusedWithPermissionDeniedAndNothingIsSent() throws Exception {
        String name = deployFetching("{api.example.com}");
        int sentBefore = upstreamRequests.get();

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).isEqualTo("resource_open: -3");
        assertThat(upstreamRequests.get()).isEqualTo(sentBefore);
    }

    @Test
    void aFunctionWithoutAnAllowListReachesNothing() {
        String name = deployFetching("{}");

        HttpResponse<String> response = get("/" + name + "/");

        assertThat(response.body()).isEqualTo("resource_open: -3");
    }

    @Test
    void aNotifiedAllowListChangeTakesEffectWithinASecond() throws Exception {
        String name = deployFetching("{}");
        assertThat(get("/" + name + "/").body()).isEqualTo("resource_open: -3");

        jdbc.sql("UPDATE functions SET egress_allow_list = '{127.0.0.1}' WHERE name = :n")
                .param("n", name)
                .update();
        notifyChanged(name);

        awaitUntil(
                FunctionPropagationTest.WITHIN_A_SECOND,
                "the host is reachable",
                () -> get("/" + name + "/").statusCode() == 200);

        jdbc.sql("UPDATE functions SET egress_allow_list = '{}' WHERE name = :n")
                .param("n", name)
                .update();
        notifyChanged(name);

        awaitUntil(
                Duration.ofSeconds(1),
                "the host is refused again",
                () -> get("/" + name + "/").body().equals("resource_open: -3"));
    }

    /** A public function running the fetch fixture against the upstream server, with this allow-list. */
    private String deployFetching(String allowList) {
        String name = deploy("fetch");
        jdbc.sql("UPDATE functions SET egress_allow_list = :hosts::text[] WHERE name = :n")
                .param("hosts", allowList)
                .param("n", name)
                .update();
        jdbc.sql("""
                        INSERT INTO function_env (function_id, key, value)
                        SELECT id, 'FETCH_URL', :url FROM functions WHERE name = :n""")
                .param("url", "http://127.0.0.1:" + upstream.getAddress().getPort() + "/fetched")
                .param("n", name)
                .update();
        return name;
    }
}
