package app.wasmcloud.api.invocation;

import app.wasmcloud.contract.InvocationFacts;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.UUID;

/**
 * An invocation as a list shows it: which function and version ran, and its facts as the executor recorded them.
 *
 * @param id the invocation's id, as the run domain's {@code X-Wasmcloud-Invocation-Id} reply header gives it
 * @param function the function's name
 * @param version the version that ran, or null when that version has since been deleted
 * @param facts its source, timing, status and outcome, shown as fields of the summary itself
 */
record InvocationSummary(
        UUID id,
        String function,
        Integer version,
        @JsonUnwrapped InvocationFacts facts) {}
