package app.wasmcloud.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one-time codes that carry a browser login to the CLI. A code is 32 random bytes (base64url); only its SHA-256
 * is stored, it expires after {@link #LIFETIME} and it is redeemed at most once, atomically.
 */
@Component
class CliLoginCodes {

    static final Duration LIFETIME = Duration.ofSeconds(120);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Logger log = LoggerFactory.getLogger(CliLoginCodes.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CliLoginCodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A fresh code for the user; the caller hands it to the CLI and forgets it. */
    String issue(long userId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO cli_login_codes (code_sha256, user_id, created_at, expires_at)"
                        + " VALUES (:hash, :user, :now, :expires)")
                .param("hash", sha256(code))
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .update();
        return code;
    }

    /**
     * Marks the code used and returns its user, or empty when it is unknown, expired or already used. One UPDATE, so
     * two racing exchanges of the same code cannot both succeed.
     */
    Optional<Long> redeem(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("UPDATE cli_login_codes SET used_at = :now"
                        + " WHERE code_sha256 = :hash AND used_at IS NULL AND expires_at > :now RETURNING user_id")
                .param("hash", sha256(code))
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .optional();
    }

    /** Spent and expired codes are worth nothing; a day's worth is kept for looking into a failed login. */
    @Scheduled(initialDelayString = "1h", fixedDelayString = "1h")
    int prune() {
        int pruned = jdbc.sql("DELETE FROM cli_login_codes WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
        if (pruned > 0) {
            log.info("Pruned {} expired CLI login codes", pruned);
        }
        return pruned;
    }

    static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
