package app.wasmcloud.api.invocation;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import tools.jackson.databind.JsonNode;

/**
 * One invocation in full: the summary's fields and what it captured.
 *
 * @param summary what a list shows, as fields of the detail itself
 * @param hostCalls calls per host function, by name
 * @param stderr what it wrote to stderr, up to 64 KiB
 * @param logLines its log lines, each with a syslog {@code level} and a {@code message}
 * @param trapMessage why it trapped, ran out of memory or hit a limit; null otherwise
 */
record InvocationDetail(
        @JsonUnwrapped InvocationSummary summary,
        JsonNode hostCalls,
        String stderr,
        JsonNode logLines,
        String trapMessage) {}
