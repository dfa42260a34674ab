package app.wasmcloud.runtime.cgi;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP request as a CGI program sees it (cgi.md, "Request → function"): meta-variables and headers become the
 * environment, the body becomes stdin, a search query becomes argv.
 *
 * @param method request method, e.g. {@code POST}
 * @param protocol e.g. {@code HTTP/1.1}
 * @param requestUri the path and query exactly as received, undecoded
 * @param scriptName {@code /<function>} for path-style URLs, empty for host-style ones
 * @param pathInfo the URL-decoded path after the script name; empty or starting with {@code /}
 * @param queryString the raw query without {@code ?}; empty when none
 * @param serverName the public host the client used
 * @param serverPort the public port the client used
 * @param https whether the client connection was TLS
 * @param remoteAddr the client's IP address
 * @param headers request headers in order, repeated ones separate. Values are expected the way servlet containers
 *     give them: each byte as one ISO-8859-1 char, so UTF-8 can be recovered (see {@link #environment})
 * @param body the complete, de-chunked body
 * @param functionName the function's name (argv[0])
 * @param functionVersion the version number that runs
 * @param invocationId this invocation's id
 * @param passCookies whether {@code Cookie} reaches the function: only on its own host-style origin
 */
public record CgiRequest(
        String method,
        String protocol,
        String requestUri,
        String scriptName,
        String pathInfo,
        String queryString,
        String serverName,
        int serverPort,
        boolean https,
        String remoteAddr,
        List<Header> headers,
        byte[] body,
        String functionName,
        int functionVersion,
        String invocationId,
        boolean passCookies) {

    /**
     * What {@code WORKER_ID} says: a stable id of this process for its lifetime, as Olin's own CGI gateway set it
     * (with {@code RUN_ID}, the invocation's id); 2018 Olin guests trap without both.
     */
    public static final String WORKER_ID = java.util.UUID.randomUUID().toString();

    /** What {@code SERVER_SOFTWARE} says. */
    public static final String SERVER_SOFTWARE = "wasmcloud/" + version();

    private static final Set<String> META_VARIABLES = Set.of(
            "GATEWAY_INTERFACE",
            "SERVER_SOFTWARE",
            "SERVER_PROTOCOL",
            "SERVER_NAME",
            "SERVER_PORT",
            "HTTPS",
            "REQUEST_METHOD",
            "REQUEST_URI",
            "SCRIPT_NAME",
            "PATH_INFO",
            "PATH_TRANSLATED",
            "QUERY_STRING",
            "CONTENT_LENGTH",
            "CONTENT_TYPE",
            "REMOTE_ADDR",
            "REMOTE_HOST",
            "REMOTE_USER",
            "REMOTE_IDENT",
            "AUTH_TYPE",
            "WASMCLOUD_FUNCTION",
            "WASMCLOUD_VERSION",
            "WASMCLOUD_INVOCATION_ID",
            "RUN_ID",
            "WORKER_ID");

    /**
     * Request fields that never become HTTP_* variables, beyond hop-by-hop ones: credentials (RFC 3875 §4.1.18) and
     * the fields that have variables of their own.
     */
    private static final Set<String> NEVER_PASSED = Set.of("proxy-authorization", "content-length", "content-type");

    public CgiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(requestUri, "requestUri");
        scriptName = Objects.requireNonNullElse(scriptName, "");
        pathInfo = Objects.requireNonNullElse(pathInfo, "");
        queryString = Objects.requireNonNullElse(queryString, "");
        Objects.requireNonNull(serverName, "serverName");
        Objects.requireNonNull(remoteAddr, "remoteAddr");
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
        Objects.requireNonNull(functionName, "functionName");
        Objects.requireNonNull(invocationId, "invocationId");
        if (!scriptName.isEmpty() && !scriptName.startsWith("/")) {
            throw new IllegalArgumentException("scriptName must be empty or start with /: " + scriptName);
        }
        if (!pathInfo.isEmpty() && !pathInfo.startsWith("/")) {
            throw new IllegalArgumentException("pathInfo must be empty or start with /: " + pathInfo);
        }
    }

    /**
     * Whether a variable name belongs to the CGI layer (a meta-variable, or the {@code HTTP_} and {@code WASMCLOUD_}
     * families), so a function's configuration may not define it. Configuration is rejected with it, at save time.
     */
    public static boolean isReservedEnvKey(String key) {
        return META_VARIABLES.contains(key) || key.startsWith("HTTP_") || key.startsWith("WASMCLOUD_");
    }

    /**
     * The function's environment: every meta-variable that applies, one {@code HTTP_*} per passed header (repeated
     * ones joined with {@code ", "}), then the function's own variables, which never override the CGI layer's.
     */
    public Map<String, String> environment(Map<String, String> functionEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GATEWAY_INTERFACE", "CGI/1.1");
        env.put("SERVER_SOFTWARE", SERVER_SOFTWARE);
        env.put("SERVER_PROTOCOL", protocol);
        env.put("SERVER_NAME", serverName);
        env.put("SERVER_PORT", Integer.toString(serverPort));
        if (https) {
            env.put("HTTPS", "on");
        }
        env.put("REQUEST_METHOD", method);
        env.put("REQUEST_URI", requestUri);
        env.put("SCRIPT_NAME", scriptName);
        env.put("PATH_INFO", pathInfo);
        env.put("QUERY_STRING", queryString);
        if (body.length > 0) {
            env.put("CONTENT_LENGTH", Integer.toString(body.length));
        }
        headers.stream()
                .filter(header -> HttpTokens.lower(header.name()).equals("content-type"))
                .findFirst()
                .ifPresent(header -> env.put("CONTENT_TYPE", headerValue(header.value())));
        env.put("REMOTE_ADDR", remoteAddr);
        env.put("REMOTE_HOST", remoteAddr);
        env.put("WASMCLOUD_FUNCTION", functionName);
        env.put("WASMCLOUD_VERSION", Integer.toString(functionVersion));
        env.put("WASMCLOUD_INVOCATION_ID", invocationId);
        env.put("RUN_ID", invocationId);
        env.put("WORKER_ID", WORKER_ID);
        env.putAll(headerVariables());
        functionEnv.forEach((key, value) -> {
            if (!isReservedEnvKey(key)) {
                env.putIfAbsent(key, value);
            }
        });
        return Collections.unmodifiableMap(env);
    }

    /**
     * {@code [functionName]}, then, only for a "search" query (one without {@code =}, RFC 3875 §4.4), its
     * {@code +}-separated words URL-decoded. WAGI always split the query into argv; that is wrong for forms.
     */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(functionName);
        if (!queryString.isEmpty() && queryString.indexOf('=') < 0) {
            for (String word : queryString.split("\\+")) {
                if (!word.isEmpty()) {
                    argv.add(decodeWord(word));
                }
            }
        }
        return List.copyOf(argv);
    }

    private Map<String, String> headerVariables() {
        Set<String> connectionOptions = connectionOptions();
        Map<String, String> variables = new LinkedHashMap<>();
        for (Header header : headers) {
            String name = HttpTokens.lower(header.name());
            if (!HttpTokens.isToken(header.name())
                    || HttpTokens.HOP_BY_HOP.contains(name)
                    || connectionOptions.contains(name)
                    || NEVER_PASSED.contains(name)
                    || name.equals("authorization")
                    || (name.equals("cookie") && !passCookies)) {
                continue;
            }
            String variable = "HTTP_" + header.name().toUpperCase(Locale.ROOT).replace('-', '_');
            variables.merge(variable, headerValue(header.value()), (first, next) -> first + ", " + next);
        }
        return variables;
    }

    /** Fields named in {@code Connection} are hop-by-hop too (RFC 9110 §7.6.1). */
    private Set<String> connectionOptions() {
        Set<String> options = new HashSet<>();
        for (Header header : headers) {
            if (HttpTokens.lower(header.name()).equals("connection")) {
                for (String option : header.value().split(",")) {
                    options.add(HttpTokens.lower(option.strip()));
                }
            }
        }
        return options;
    }

    /**
     * Recovers UTF-8 from a value whose bytes arrived one per char (ISO-8859-1, as servlet containers decode
     * headers); invalid sequences and NUL become U+FFFD, so nothing is dropped silently and no C string is cut short.
     */
    static String headerValue(String value) {
        boolean bytesAsChars = value.chars().allMatch(c -> c <= 0xFF);
        String text = bytesAsChars && value.chars().anyMatch(c -> c >= 0x80)
                ? StandardCharsets.UTF_8
                        .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                        .toString()
                : value;
        return text.replace('\0', '\uFFFD');
    }

    private static String decodeWord(String word) {
        try {
            return URLDecoder.decode(word, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            // A malformed %-escape is passed as written rather than failing the request.
            return word;
        }
    }

    private static String version() {
        String version = CgiRequest.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** A request with the CGI defaults: {@code HTTP/1.1}, no script name, no query, no headers, no body. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CgiRequest} field by field, so a call site names what it sets. */
    public static final class Builder {
        private String method = "GET";
        private String protocol = "HTTP/1.1";
        private String requestUri = "/";
        private String scriptName = "";
        private String pathInfo = "";
        private String queryString = "";
        private String serverName = "localhost";
        private int serverPort = 80;
        private boolean https;
        private String remoteAddr = "127.0.0.1";
        private List<Header> headers = List.of();
        private byte[] body = new byte[0];
        private String functionName;
        private int functionVersion;
        private String invocationId;
        private boolean passCookies;

        private Builder() {}

        public Builder method(String value) {
            method = value;
            return this;
        }

        public Builder protocol(String value) {
            protocol = value;
            return this;
        }

        public Builder requestUri(String value) {
            requestUri = value;
            return this;
        }

        public Builder scriptName(String value) {
            scriptName = value;
            return this;
        }

        public Builder pathInfo(String value) {
            pathInfo = value;
            return this;
        }

        public Builder queryString(String value) {
            queryString = value;
            return this;
        }

        /** The public host and port the client used. */
        public Builder server(String name, int port, boolean tls) {
            serverName = name;
            serverPort = port;
            https = tls;
            return this;
        }

        public Builder remoteAddr(String value) {
            remoteAddr = value;
            return this;
        }

        public Builder headers(List<Header> value) {
            headers = value;
            return this;
        }

        public Builder body(byte[] value) {
            body = value;
            return this;
        }

        /** Which function and version runs, and the invocation's id. */
        public Builder function(String name, int version, String id) {
            functionName = name;
            functionVersion = version;
            invocationId = id;
            return this;
        }

        public Builder passCookies(boolean value) {
            passCookies = value;
            return this;
        }

        public CgiRequest build() {
            return new CgiRequest(
                    method,
                    protocol,
                    requestUri,
                    scriptName,
                    pathInfo,
                    queryString,
                    serverName,
                    serverPort,
                    https,
                    remoteAddr,
                    headers,
                    body,
                    functionName,
                    functionVersion,
                    invocationId,
                    passCookies);
        }
    }
}
