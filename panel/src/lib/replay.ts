// The recording timeline of an invocation, as the detail drawer lists it: one row per host call, in order.

import type { RecordedHostCall, RecordingTrace } from '../api/types';

export interface TimelineRow {
  index: number;
  /** Milliseconds from the start of the invocation, three decimals. */
  at: string;
  /** `resource_read(70001, 8192, 1000)` */
  call: string;
  /** `5`, `()` for a call with no results, or `did not return`. */
  result: string;
  /** The bytes the call handed the guest, as hex, `…` when there were more than the trace keeps; '' for none. */
  bytes: string;
}

export function timelineRows(trace: RecordingTrace): TimelineRow[] {
  return trace.hostCalls.map(row);
}

function row(call: RecordedHostCall): TimelineRow {
  return {
    index: call.index,
    at: (call.atMicros / 1000).toFixed(3),
    call: `${call.name}(${call.args.join(', ')})`,
    result: call.results === null ? 'did not return' : call.results.length === 0 ? '()' : call.results.join(', '),
    bytes: call.bytesHex === null ? '' : call.bytesHex + (call.bytesLength * 2 > call.bytesHex.length ? '…' : ''),
  };
}

/** What the timeline leaves out or cannot promise, in words; empty when the recording is whole. */
export function recordingCaveats(trace: RecordingTrace): string[] {
  const caveats: string[] = [];
  if (trace.hostCallsCut) {
    caveats.push(`The log was cut at ${trace.hostCalls.length} of ${trace.hostCallsTotal} host calls: a replay cannot be exact.`);
  }
  if (trace.stdinCut) {
    caveats.push(`The request body of ${trace.stdinBytes} bytes was cut when recorded: a replay cannot be exact.`);
  }
  const secrets = trace.env.filter((entry) => entry.secret).map((entry) => entry.value);
  if (secrets.length > 0) {
    caveats.push(`Secrets are recorded by name only: give their values to the replay with ${secrets.map((name) => `--env ${name}=VALUE`).join(' ')}`);
  }
  return caveats;
}
