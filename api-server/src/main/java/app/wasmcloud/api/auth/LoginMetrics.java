package app.wasmcloud.api.auth;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Counts logins as {@code wasmcloud_logins_total{method, result}} on the Prometheus endpoint. */
@Component
class LoginMetrics {

    enum Method {
        /** The browser login with Gitea. */
        GITEA,
        /** Dev mode's local admin. */
        DEV,
        /** A CLI login code exchanged for a token. */
        CLI
    }

    enum Result {
        SUCCESS,
        /** The identity is known but may not log in (signups closed, suspended, pending, not local). */
        REFUSED,
        /** The login itself failed (Gitea error, forged state, invalid or expired code). */
        FAILED
    }

    private final MeterRegistry registry;

    LoginMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void login(Method method, Result result) {
        registry.counter(
                        "wasmcloud.logins",
                        "method",
                        method.name().toLowerCase(Locale.ROOT),
                        "result",
                        result.name().toLowerCase(Locale.ROOT))
                .increment();
    }
}
