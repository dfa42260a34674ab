package app.wasmcloud.api.version;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One uploaded module of a function; immutable, numbered from 1. */
@Entity
@Table(name = "function_versions")
public class FunctionVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long functionId;

    private Integer number;

    private String sha256;

    private Long sizeBytes;

    private String abi;

    private String entrypoint;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> imports;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected FunctionVersion() {}

    FunctionVersion(
            long functionId,
            int number,
            String sha256,
            long sizeBytes,
            String abi,
            String entrypoint,
            List<String> imports) {
        this.functionId = functionId;
        this.number = number;
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
        this.abi = abi;
        this.entrypoint = entrypoint;
        this.imports = List.copyOf(imports);
    }

    public Long id() {
        return id;
    }

    public Long functionId() {
        return functionId;
    }

    public int number() {
        return number;
    }

    public String sha256() {
        return sha256;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String abi() {
        return abi;
    }

    public String entrypoint() {
        return entrypoint;
    }

    /** Every import as {@code module.name}, in module order. */
    public List<String> imports() {
        return imports;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
