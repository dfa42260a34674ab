package app.wasmcloud.api.env;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** One configuration variable of a function, passed to it as an environment variable on every invocation. */
@Entity
@Table(name = "function_env")
@IdClass(EnvVariable.Key.class)
class EnvVariable {

    record Key(Long functionId, String key) implements Serializable {}

    @Id
    private Long functionId;

    @Id
    private String key;

    private String value;

    private boolean secret;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected EnvVariable() {}

    EnvVariable(long functionId, String key, String value, boolean secret) {
        this.functionId = functionId;
        this.key = key;
        this.value = value;
        this.secret = secret;
    }

    String key() {
        return key;
    }

    String value() {
        return value;
    }

    boolean secret() {
        return secret;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void set(String value, boolean secret) {
        this.value = value;
        this.secret = secret;
    }

    /** Never prints the value, which may be a secret. */
    @Override
    public String toString() {
        return "EnvVariable[" + functionId + ", " + key + (secret ? ", secret" : "") + "]";
    }
}
