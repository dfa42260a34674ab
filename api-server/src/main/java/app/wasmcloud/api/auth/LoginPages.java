package app.wasmcloud.api.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The CLI login's HTML pages (the consent form and its refusals), in the panel's look, from the templates under
 * {@code login-pages/}. Every value is HTML-escaped into its {@code {{placeholder}}}. The stylesheet is inline and
 * allowed by its hash, so the page needs no other request and its policy still forbids every other style and script.
 */
@Component
class LoginPages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z]+)}}");

    private final String consent;
    private final String message;
    private final String style;
    private final String policy;

    LoginPages() {
        this.consent = resource("consent.html");
        this.message = resource("message.html");
        this.style = resource("theme.css") + resource("login-page.css");
        this.policy = "default-src 'none'; style-src 'sha256-" + sha256(style) + "'; frame-ancestors 'none'";
    }

    ResponseEntity<String> consent(Map<String, String> values) {
        return render(HttpStatus.OK, consent, values);
    }

    ResponseEntity<String> message(HttpStatus status, String title, String detail) {
        return render(status, message, Map.of("title", title, "detail", detail));
    }

    private ResponseEntity<String> render(HttpStatus status, String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder html = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            String value = name.equals("style") ? style : HtmlUtils.htmlEscape(valueOf(values, name));
            placeholder.appendReplacement(html, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(html);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", policy)
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .body(html.toString());
    }

    private static String valueOf(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no value for {{" + name + "}} in a login page");
        }
        return value;
    }

    private static String resource(String name) {
        try (InputStream in = LoginPages.class.getResourceAsStream("/login-pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("login-pages/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
