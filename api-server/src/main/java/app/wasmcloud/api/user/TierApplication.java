package app.wasmcloud.api.user;

import app.wasmcloud.contract.Tier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Generated;

/** A user's request to leave the examples tier, with their reason, and the admin's answer. */
@Entity
@Table(name = "tier_applications")
class TierApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long userId;

    private String reason;

    private ApplicationState state;

    private Tier tier;

    private String message;

    private String decidedBy;

    private Instant decidedAt;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected TierApplication() {}

    TierApplication(long userId, String reason) {
        this.userId = userId;
        this.reason = reason;
        this.state = ApplicationState.PENDING;
    }

    String reason() {
        return reason;
    }

    ApplicationState state() {
        return state;
    }

    Tier tier() {
        return tier;
    }

    String message() {
        return message;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant decidedAt() {
        return decidedAt;
    }

    void approve(Tier granted, String admin, Instant now) {
        decide(ApplicationState.APPROVED, granted, null, admin, now);
    }

    void decline(String why, String admin, Instant now) {
        decide(ApplicationState.DECLINED, null, why, admin, now);
    }

    private void decide(ApplicationState decided, Tier granted, String why, String admin, Instant now) {
        this.state = decided;
        this.tier = granted;
        this.message = why;
        this.decidedBy = admin;
        this.decidedAt = now;
    }
}
