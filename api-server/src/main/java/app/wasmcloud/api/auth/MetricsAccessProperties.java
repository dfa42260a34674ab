package app.wasmcloud.api.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read {@code /actuator/prometheus}: a scraper on a private network without credentials, anyone else only
 * with an admin token. Behind nginx the address checked is the forwarded client's, so the public never matches.
 *
 * @param scraperNetworks CIDR blocks a scraper may call from
 */
@ConfigurationProperties("wasmcloud.metrics")
record MetricsAccessProperties(
        @DefaultValue({"127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"})
        List<String> scraperNetworks) {}
