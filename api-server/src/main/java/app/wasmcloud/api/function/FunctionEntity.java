package app.wasmcloud.api.function;

import app.wasmcloud.contract.FunctionName;
import app.wasmcloud.contract.RecordMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.generator.EventType;
import org.hibernate.type.SqlTypes;

/** A deployed function: its name, owner, settings and which of its versions is serving. */
@Entity
@Table(name = "functions")
public class FunctionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private Long ownerId;

    private String description;

    private Visibility visibility;

    private Long activeVersionId;

    private Integer timeoutMs;

    private Integer memoryPages;

    /** The wall-clock limit it runs with: {@code timeoutMs}, else the default; what executors read. */
    private int effectiveTimeoutMs;

    /** The memory limit it runs with: {@code memoryPages}, else the default; what executors read. */
    private int effectiveMemoryPages;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> egressAllowList = new ArrayList<>();

    /** Whether executors record its invocations for replay; the schema's default is off. */
    private RecordMode record = RecordMode.OFF;

    private Instant deletedAt;

    @Generated
    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(insertable = false, updatable = false)
    private Instant updatedAt;

    protected FunctionEntity() {}

    FunctionEntity(
            FunctionName name, long ownerId, String description, Visibility visibility, FunctionProperties defaults) {
        this.name = name.value();
        this.ownerId = ownerId;
        this.description = description;
        this.visibility = visibility;
        limit(null, null, defaults);
    }

    public Long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Long ownerId() {
        return ownerId;
    }

    public String description() {
        return description;
    }

    public Visibility visibility() {
        return visibility;
    }

    public Long activeVersionId() {
        return activeVersionId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Integer timeoutMs() {
        return timeoutMs;
    }

    public Integer memoryPages() {
        return memoryPages;
    }

    public List<String> egressAllowList() {
        return List.copyOf(egressAllowList);
    }

    public RecordMode record() {
        return record;
    }

    public Instant deletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public void activate(long versionId) {
        this.activeVersionId = versionId;
    }

    void describe(String description) {
        this.description = description;
    }

    void show(Visibility visibility) {
        this.visibility = visibility;
    }

    /** Sets the owner's limits ({@code null}: the default) and the effective ones that follow from them. */
    void limit(Integer timeoutMs, Integer memoryPages, FunctionProperties defaults) {
        this.timeoutMs = timeoutMs;
        this.memoryPages = memoryPages;
        this.effectiveTimeoutMs = defaults.timeoutMsOf(this);
        this.effectiveMemoryPages = defaults.memoryPagesOf(this);
    }

    void allowEgressTo(List<String> hosts) {
        this.egressAllowList = new ArrayList<>(hosts);
    }

    void record(RecordMode mode) {
        this.record = mode;
    }

    void markDeleted(Instant when) {
        this.deletedAt = when;
    }
}
