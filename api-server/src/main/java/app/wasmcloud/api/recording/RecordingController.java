package app.wasmcloud.api.recording;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.security.Scope;
import app.wasmcloud.api.storage.ReplayStore;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.runtime.replay.InvalidRecordingException;
import app.wasmcloud.runtime.replay.RecordingFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recordings of invocations, for replay. A recording holds the request's headers and body and the function's
 * environment (secrets by name only): its owner's data, so only the owner and admins read it, and anyone else gets the
 * same 404 as for a recording that does not exist.
 */
@RestController
@Tag(name = "Recordings")
class RecordingController {

    /** What {@code wasmcloud replay} downloads; the format is versioned in its first bytes. */
    static final String RECORDING_TYPE = "application/vnd.wasmcloud.recording";

    private static final int LIST_LIMIT = 100;

    private final RecordingRows rows;
    private final ReplayStore store;
    private final FunctionService functions;

    RecordingController(RecordingRows rows, ReplayStore store, FunctionService functions) {
        this.rows = rows;
        this.store = store;
        this.functions = functions;
    }

    record RecordingSummary(UUID invocationId, Instant startedAt, int bytes) {}

    record RecordingList(int count, List<RecordingSummary> newest) {}

    @Operation(summary = "An invocation's recording, for replay", description = """
                    Needs `read`. The recording in Wasmcloud's binary format (`application/vnd.wasmcloud.recording`),
                    as `wasmcloud replay` reads it. Only the function's owner and admins can read it: it holds the
                    request's headers and body. Anyone else, and an invocation that was not recorded, gets 404.""")
    @GetMapping(path = "/api/invocations/{id}/recording", produces = RECORDING_TYPE)
    ResponseEntity<byte[]> recording(CurrentUser caller, @PathVariable UUID id) {
        caller.require(Scope.READ);
        RecordingRows.Row row = readable(caller, id);
        byte[] bytes = store.recording(row.invocationId()).orElseThrow(() -> notFound(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(RECORDING_TYPE))
                .body(bytes);
    }

    @Operation(summary = "An invocation's recording as a host-call timeline", description = """
                    Needs `read`; the same access as the recording itself. The request, the environment (a secret's
                    value is its name), every host call with its arguments, results, the first 64 bytes it handed
                    the guest as hex, and its time from the start in microseconds; how the invocation ended; and the
                    command that replays it.""")
    @GetMapping("/api/invocations/{id}/recording/trace")
    RecordingTrace trace(CurrentUser caller, @PathVariable UUID id) {
        caller.require(Scope.READ);
        RecordingRows.Row row = readable(caller, id);
        byte[] bytes = store.recording(row.invocationId()).orElseThrow(() -> notFound(id));
        try {
            return RecordingTrace.of(RecordingFormat.read(bytes));
        } catch (InvalidRecordingException e) {
            throw ApiException.conflict("The recording of invocation " + id + " cannot be read: " + e.getMessage());
        }
    }

    @Operation(summary = "The module an invocation ran", description = """
                    Needs `read`; the same access as the recording. The exact module of the version that ran the
                    recorded invocation (`application/wasm`), so a replay runs what ran.""")
    @GetMapping(path = "/api/invocations/{id}/recording/module", produces = "application/wasm")
    ResponseEntity<byte[]> module(CurrentUser caller, @PathVariable UUID id) {
        caller.require(Scope.READ);
        RecordingRows.Row row = readable(caller, id);
        if (row.sha256() == null) {
            throw ApiException.notFound("The version that ran invocation " + id + " has been deleted.");
        }
        byte[] module = store.module(row.sha256())
                .orElseThrow(() -> ApiException.notFound("The module that ran invocation " + id + " is gone."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/wasm"))
                .body(module);
    }

    @Operation(summary = "A function's recordings", description = """
                    Needs `read`. How many recordings the function keeps, and the newest 100 of them. They expire
                    with the invocation records.""")
    @GetMapping("/api/functions/{name}/recordings")
    RecordingList list(CurrentUser caller, @PathVariable String name) {
        caller.require(Scope.READ);
        FunctionEntity function = functions.get(caller, name);
        return new RecordingList(
                rows.count(function.id()),
                rows.newest(function.id(), LIST_LIMIT).stream()
                        .map(row -> new RecordingSummary(row.invocationId(), row.startedAt(), row.bytes()))
                        .toList());
    }

    private RecordingRows.Row readable(CurrentUser caller, UUID id) {
        return rows.find(id)
                .filter(row -> row.ownerId() == caller.id() || caller.isAdmin())
                .orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("No recording of invocation " + id + " of one of your functions.");
    }
}
