package app.wasmcloud.api.user;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long giteaId;

    private String login;

    private Role role;

    private UserStatus status;

    private Tier tier;

    // An admin's overrides of the tier's quotas for this user alone; null follows the tier.
    private Integer quotaFunctions;

    private Long quotaInvocationsPerDay;

    private Long quotaCpuSecondsPerDay;

    private Integer quotaRequestsPerSecond;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected User() {}

    /** An account on the {@code full} tier: the operator's own, and every account made before tiers existed. */
    public User(String login, Role role, UserStatus status) {
        this(login, role, status, Tier.FULL);
    }

    public User(String login, Role role, UserStatus status, Tier tier) {
        this.login = login;
        this.role = role;
        this.status = status;
        this.tier = tier;
    }

    public Long id() {
        return id;
    }

    public String login() {
        return login;
    }

    public Role role() {
        return role;
    }

    public UserStatus status() {
        return status;
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public Tier tier() {
        return tier;
    }

    /** Only what an admin set for this user; null fields follow the tier. */
    public TierQuotas quotaOverrides() {
        return new TierQuotas(
                quotaFunctions,
                quotaInvocationsPerDay,
                quotaCpuSecondsPerDay == null ? null : Duration.ofSeconds(quotaCpuSecondsPerDay),
                quotaRequestsPerSecond);
    }

    void moveTo(Tier tier) {
        this.tier = tier;
    }

    /** Replaces every override: a null field goes back to the tier's number. */
    void overrideQuotas(TierQuotas overrides) {
        quotaFunctions = overrides.functions();
        quotaInvocationsPerDay = overrides.invocationsPerDay();
        quotaCpuSecondsPerDay =
                overrides.cpuPerDay() == null ? null : overrides.cpuPerDay().toSeconds();
        quotaRequestsPerSecond = overrides.requestsPerSecond();
    }

    public Long giteaId() {
        return giteaId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    void setStatus(UserStatus status) {
        this.status = status;
    }

    /** Links the account to its Gitea identity; a login renamed in Gitea follows it here. */
    public void linkGitea(long giteaId, String login) {
        this.giteaId = giteaId;
        this.login = login;
    }

    public void activateAsAdmin() {
        role = Role.ADMIN;
        status = UserStatus.ACTIVE;
        tier = Tier.FULL;
    }
}
