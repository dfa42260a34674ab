package app.wasmcloud.runtime.olin.resource;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where and how much a function may send over HTTP (olin-abi.md, "Resource schemes").
 *
 * @param allowedHosts host names or IP literals the function may open (default: none)
 * @param allowPrivateAddresses whether loopback, private, link-local and metadata addresses may be connected to; only
 *     tests set this, production must not
 * @param maxRequests HTTP resources one invocation may open
 * @param maxResponseBytes the largest response kept, headers included; a larger one fails the request
 * @param requestTimeout connect plus response time of one request
 */
public record EgressPolicy(
        Set<String> allowedHosts,
        boolean allowPrivateAddresses,
        int maxRequests,
        int maxResponseBytes,
        Duration requestTimeout) {

    public EgressPolicy {
        allowedHosts = allowedHosts.stream()
                .map(host -> host.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The default: no outbound requests at all. */
    public static EgressPolicy denyAll() {
        return allowing(Set.of());
    }

    /** These hosts, public addresses only, at most 16 requests of 10 MiB and 10 s each. */
    public static EgressPolicy allowing(Set<String> hosts) {
        return new EgressPolicy(hosts, false, 16, 10 * 1024 * 1024, Duration.ofSeconds(10));
    }

    public boolean allowsHost(String host) {
        return allowedHosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * Checked on the address actually connected to, after DNS: a public name that resolves to 169.254.169.254 is
     * refused like the literal.
     */
    public boolean allowsAddress(InetAddress address) {
        return allowPrivateAddresses || isPublic(address);
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first != 0 // "this network"
                    && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT, 100.64.0.0/10
                    && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    && first < 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc; // unique local fc00::/7 (fd00:ec2::254 is a metadata address)
        }
        return false;
    }
}
