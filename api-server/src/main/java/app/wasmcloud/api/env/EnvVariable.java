package app.wasmcloud.api.env;

import app.wasmcloud.contract.SecretCipher;
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

    /** The key that sealed {@link #value}; null when the value is plain text (see SecretCipher). */
    private String keyId;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected EnvVariable() {}

    EnvVariable(long functionId, String key) {
        this.functionId = functionId;
        this.key = key;
    }

    long functionId() {
        return functionId;
    }

    String key() {
        return key;
    }

    /** The plain value of a variable that is not secret; a secret's is sealed and never read back here. */
    String value() {
        return value;
    }

    String keyId() {
        return keyId;
    }

    /** Whether a secret is still stored as plain text (written before secrets were sealed). */
    boolean isPlainSecret() {
        return secret && keyId == null;
    }

    /** The stored form, for the start-up sealing of rows written before it or under an old key. */
    String storedValue() {
        return value;
    }

    boolean secret() {
        return secret;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    void setPlain(String value) {
        this.value = value;
        this.secret = false;
        this.keyId = null;
    }

    void setSealed(SecretCipher.Sealed sealed) {
        this.value = sealed.value();
        this.secret = true;
        this.keyId = sealed.keyId();
    }

    /** Never prints the value, which may be a secret. */
    @Override
    public String toString() {
        return "EnvVariable[" + functionId + ", " + key + (secret ? ", secret" : "") + "]";
    }
}
