package app.wasmcloud.executor.function;

import app.wasmcloud.contract.RecordMode;
import app.wasmcloud.runtime.olin.resource.EgressPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What serving a function needs: its active version and settings, read from the shared schema.
 *
 * @param ownerId the owning user's id: slots and in-flight bounds are shared per user first
 * @param egress where its HTTP resources may go: its allow-list, made into a policy once per lookup rather than per
 *     invocation
 * @param record whether its invocations are recorded for replay
 * @param secretNames the variables of {@code env} that are secrets, which a recording keeps by name only
 * @param ownerQuotas the owner's tier and quota overrides, read with the function so that the first request of an
 *     owner new to this executor needs no query of its own
 */
public record ActiveFunction(
        long id,
        long ownerId,
        String name,
        boolean isPublic,
        long versionId,
        int versionNumber,
        String sha256,
        String entrypoint,
        Duration timeout,
        int memoryPages,
        Map<String, String> env,
        EgressPolicy egress,
        RecordMode record,
        Set<String> secretNames,
        OwnerQuotas ownerQuotas) {

    public ActiveFunction {
        secretNames = Set.copyOf(secretNames);
    }
}
