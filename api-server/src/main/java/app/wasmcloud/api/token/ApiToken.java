package app.wasmcloud.api.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/** The server-side half of an API token: its JWT's jti, checked on every use so revocation is immediate. */
@Entity
@Table(name = "api_tokens")
public class ApiToken {

    @Id
    private UUID id;

    private Long userId;

    private String name;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> scopes;

    private Instant expiresAt;

    private Instant lastUsedAt;

    private Instant revokedAt;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected ApiToken() {}

    ApiToken(UUID id, Long userId, String name, List<String> scopes, Instant expiresAt) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.scopes = List.copyOf(scopes);
        this.expiresAt = expiresAt;
    }

    public UUID id() {
        return id;
    }

    public Long userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public List<String> scopes() {
        return scopes;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(Instant when) {
        this.revokedAt = when;
    }

    boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
