package app.wasmcloud.api.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected User() {}

    public User(String login, Role role, UserStatus status) {
        this.login = login;
        this.role = role;
        this.status = status;
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
    }
}
