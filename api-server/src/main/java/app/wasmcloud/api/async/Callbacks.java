package app.wasmcloud.api.async;

import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Callbacks: a URL the caller gives with a background invoke, POSTed the request's result once it is over. A callback
 * is the function's traffic leaving the platform, so the function's egress rules decide where it may go: its host
 * must be on the function's allow-list, and it must resolve to a public address, exactly as for an HTTP resource the
 * function opens itself ({@link EgressPolicy}).
 */
@Component
class Callbacks {

    private final AsyncProperties properties;
    private final AsyncViews views;
    private final JsonMapper json;
    private final HttpClient http;

    Callbacks(AsyncProperties properties, AsyncViews views, JsonMapper json) {
        this.properties = properties;
        this.views = views;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.callbackTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The callback URL, refused with 400 unless it is http(s) to a host on the function's egress allow-list. */
    static String checked(String url, List<String> egressAllowList) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("Invalid callback URL '" + url + "': " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw ApiException.badRequest("Invalid callback URL '" + url
                    + "': give an absolute http or https URL with a host and no user name.");
        }
        if (!EgressPolicy.allowing(Set.copyOf(egressAllowList)).allowsHost(uri.getHost())) {
            throw ApiException.badRequest("The callback host '" + uri.getHost() + "' is not on the function's egress"
                    + " allow-list; add it to egressAllowList first (a callback is the function's own traffic).");
        }
        return uri.toString();
    }

    /** POSTs the request's result; returns what happened, as {@code callback_result} keeps it. */
    String send(AsyncRequest request) {
        URI target = URI.create(request.callbackUrl());
        EgressPolicy policy = new EgressPolicy(
                Set.of(target.getHost()),
                properties.callbackAllowPrivateAddresses(),
                1,
                0,
                properties.callbackTimeout());
        try {
            for (InetAddress address : InetAddress.getAllByName(target.getHost())) {
                if (!policy.allowsAddress(address)) {
                    return "refused: " + target.getHost() + " resolves to a private address";
                }
            }
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(target)
                            .timeout(properties.callbackTimeout())
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "wasmcloud-callback")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(views.of(request))))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return "delivered: " + response.statusCode();
        } catch (UnknownHostException e) {
            return "failed: " + target.getHost() + " does not resolve";
        } catch (IOException e) {
            return "failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }
}
