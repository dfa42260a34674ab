package app.wasmcloud.runtime.cgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CgiRequestTest {

    private static CgiRequest request(String query, List<Header> headers, String body) {
        return request(query, headers, body, false);
    }

    private static CgiRequest request(String query, List<Header> headers, String body, boolean passCookies) {
        return CgiRequest.builder()
                .method("POST")
                .requestUri("/hello/some%20path" + (query.isEmpty() ? "" : "?" + query))
                .scriptName("/hello")
                .pathInfo("/some path")
                .queryString(query)
                .server("run.example.app", 443, true)
                .remoteAddr("203.0.113.7")
                .headers(headers)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .function("hello", 3, "inv-123")
                .passCookies(passCookies)
                .build();
    }

    @Test
    void metaVariablesDescribeTheRequest() {
        Map<String, String> env = request("a=1", List.of(new Header("Content-Type", "text/plain")), "body")
                .environment(Map.of());

        assertThat(env)
                .containsEntry("GATEWAY_INTERFACE", "CGI/1.1")
                .containsEntry("SERVER_PROTOCOL", "HTTP/1.1")
                .containsEntry("SERVER_NAME", "run.example.app")
                .containsEntry("SERVER_PORT", "443")
                .containsEntry("HTTPS", "on")
                .containsEntry("REQUEST_METHOD", "POST")
                .containsEntry("REQUEST_URI", "/hello/some%20path?a=1")
                .containsEntry("SCRIPT_NAME", "/hello")
                .containsEntry("PATH_INFO", "/some path")
                .containsEntry("QUERY_STRING", "a=1")
                .containsEntry("CONTENT_LENGTH", "4")
                .containsEntry("CONTENT_TYPE", "text/plain")
                .containsEntry("REMOTE_ADDR", "203.0.113.7")
                .containsEntry("REMOTE_HOST", "203.0.113.7")
                .containsEntry("WASMCLOUD_FUNCTION", "hello")
                .containsEntry("WASMCLOUD_VERSION", "3")
                .containsEntry("WASMCLOUD_INVOCATION_ID", "inv-123")
                .containsEntry("RUN_ID", "inv-123")
                .containsEntry("WORKER_ID", CgiRequest.WORKER_ID);
        assertThat(env.get("SERVER_SOFTWARE")).startsWith("wasmcloud/");
        assertThat(env).doesNotContainKeys("HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH");
    }

    @Test
    void withoutBodyQueryOrTlsThoseVariablesAreAbsentOrEmpty() {
        Map<String, String> env = CgiRequest.builder()
                .queryString(null)
                .server("hello.run.example.app", 80, false)
                .remoteAddr("::1")
                .body(null)
                .function("hello", 1, "inv")
                .passCookies(true)
                .build()
                .environment(Map.of());

        assertThat(env).doesNotContainKeys("HTTPS", "CONTENT_LENGTH", "CONTENT_TYPE");
        assertThat(env)
                .containsEntry("QUERY_STRING", "")
                .containsEntry("SCRIPT_NAME", "")
                .containsEntry("PATH_INFO", "");
    }

    @Test
    void headersBecomeHttpVariablesWithRepeatedOnesJoined() {
        Map<String, String> env = request(
                        "",
                        List.of(
                                new Header("X-Forwarded-Proto", "https"),
                                new Header("Accept", "text/html"),
                                new Header("accept", "application/json"),
                                new Header("User-Agent", "curl/8")),
                        "")
                .environment(Map.of());

        assertThat(env)
                .containsEntry("HTTP_X_FORWARDED_PROTO", "https")
                .containsEntry("HTTP_ACCEPT", "text/html, application/json")
                .containsEntry("HTTP_USER_AGENT", "curl/8");
    }

    @Test
    void credentialsHopByHopAndFramingHeadersAreNotPassed() {
        List<Header> headers = List.of(
                new Header("Authorization", "Bearer secret"),
                new Header("Proxy-Authorization", "Basic secret"),
                new Header("Cookie", "session=secret"),
                new Header("Connection", "keep-alive, X-Private"),
                new Header("X-Private", "hop"),
                new Header("Keep-Alive", "timeout=5"),
                new Header("TE", "trailers"),
                new Header("Trailer", "Expires"),
                new Header("Transfer-Encoding", "chunked"),
                new Header("Upgrade", "websocket"),
                new Header("Proxy-Connection", "close"),
                new Header("Content-Length", "4"),
                new Header("Bad Name", "x"),
                new Header("X-Kept", "yes"));

        Map<String, String> env = request("", headers, "body").environment(Map.of());

        assertThat(env.keySet().stream().filter(key -> key.startsWith("HTTP_"))).containsExactly("HTTP_X_KEPT");
    }

    @Test
    void cookiesArePassedOnTheFunctionsOwnOriginButAuthorizationNever() {
        List<Header> headers = List.of(new Header("Cookie", "a=1"), new Header("Authorization", "Bearer t"));

        Map<String, String> env = request("", headers, "", true).environment(Map.of());

        assertThat(env).containsEntry("HTTP_COOKIE", "a=1").doesNotContainKey("HTTP_AUTHORIZATION");
    }

    @Test
    void functionVariablesComeLastAndNeverOverrideTheCgiLayer() {
        Map<String, String> functionEnv = new java.util.LinkedHashMap<>();
        functionEnv.put("GREETING", "hej");
        functionEnv.put("REQUEST_METHOD", "DELETE");
        functionEnv.put("HTTP_ACCEPT", "forged");
        functionEnv.put("WASMCLOUD_FUNCTION", "other");

        Map<String, String> env =
                request("", List.of(new Header("Accept", "*/*")), "").environment(functionEnv);

        assertThat(env)
                .containsEntry("GREETING", "hej")
                .containsEntry("REQUEST_METHOD", "POST")
                .containsEntry("HTTP_ACCEPT", "*/*")
                .containsEntry("WASMCLOUD_FUNCTION", "hello");
        assertThat(List.copyOf(env.keySet()).getLast()).isEqualTo("GREETING");
    }

    @Test
    void reservedKeysAreTheMetaVariablesAndTheHttpAndWasmcloudFamilies() {
        assertThat(CgiRequest.isReservedEnvKey("PATH_INFO")).isTrue();
        assertThat(CgiRequest.isReservedEnvKey("HTTP_HOST")).isTrue();
        assertThat(CgiRequest.isReservedEnvKey("WASMCLOUD_ANYTHING")).isTrue();
        assertThat(CgiRequest.isReservedEnvKey("CONTENT_TYPE")).isTrue();
        assertThat(CgiRequest.isReservedEnvKey("GREETING")).isFalse();
        assertThat(CgiRequest.isReservedEnvKey("DATABASE_URL")).isFalse();
    }

    @Test
    void headerValuesThatAreNotUtf8ArePassedWithReplacementCharacters() {
        String utf8AsLatin1 = new String("café".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String invalid = new String(new byte[] {'a', (byte) 0xff, 'b', 0}, StandardCharsets.ISO_8859_1);

        Map<String, String> env = request(
                        "", List.of(new Header("X-Name", utf8AsLatin1), new Header("X-Bad", invalid)), "")
                .environment(Map.of());

        assertThat(env).containsEntry("HTTP_X_NAME", "café").containsEntry("HTTP_X_BAD", "a\uFFFDb\uFFFD");
    }

    @Test
    void aSearchQueryBecomesDecodedArguments() {
        assertThat(request("hello+big%20world+%C3%A9", List.of(), "").argv())
                .containsExactly("hello", "hello", "big world", "é");
    }

    @Test
    void aQueryWithEqualsSignsIsNotSplitIntoArguments() {
        assertThat(request("a=1+2&b", List.of(), "").argv()).containsExactly("hello");
        assertThat(request("", List.of(), "").argv()).containsExactly("hello");
    }

    @Test
    void aMalformedEscapeInASearchWordIsPassedAsWritten() {
        assertThat(request("100%+off", List.of(), "").argv()).containsExactly("hello", "100%", "off");
    }
}
