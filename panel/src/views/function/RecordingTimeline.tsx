import { useState } from 'preact/hooks';
import type { RecordingTrace } from '../../api/types';
import { Loaded, useResource } from '../../components/ui';
import { recordingCaveats, timelineRows } from '../../lib/replay';
import { api } from '../../session';

/**
 * The host-call timeline of an invocation's recording, and the command that replays it on a laptop. An invocation that
 * was not recorded says how to turn recording on instead.
 */
export function RecordingTimeline({ id, fnName }: { id: string; fnName: string }) {
  const [trace] = useResource(() => api.getRecordingTrace(id), [id]);
  return (
    <section class="stack" aria-labelledby="recording-heading">
      <h4 id="recording-heading">Recording</h4>
      <Loaded resource={trace}>
        {(found: RecordingTrace | null) =>
          found === null ? (
            <p class="hint">
              Not recorded. Record this function's invocations with <code>wasmcloud functions update {fnName} --record on</code> (or{' '}
              <code>errors</code>) to replay them.
            </p>
          ) : (
            <Timeline trace={found} />
          )
        }
      </Loaded>
    </section>
  );
}

function Timeline({ trace }: { trace: RecordingTrace }) {
  const rows = timelineRows(trace);
  return (
    <>
      <ReplayCommand command={trace.replayCommand} />
      {recordingCaveats(trace).map((caveat) => (
        <p class="hint" key={caveat}>
          {caveat}
        </p>
      ))}
      {rows.length === 0 ? (
        <p class="hint">No host calls.</p>
      ) : (
        <div class="table-wrap">
          <table class="mono" data-testid="recording-timeline">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">ms</th>
                <th scope="col">Call</th>
                <th scope="col">Result</th>
                <th scope="col">Bytes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.index}>
                  <td data-label="#">{row.index}</td>
                  <td data-label="ms">{row.at}</td>
                  <td data-label="Call">{row.call}</td>
                  <td data-label="Result">{row.result}</td>
                  <td data-label="Bytes" class="bytes">
                    {row.bytes}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">
        Ended: {trace.ending.outcome.toLowerCase()}
        {trace.ending.trapMessage !== null ? ` (${trace.ending.trapMessage})` : `, exit code ${trace.ending.exitCode}`}.
      </p>
    </>
  );
}

function ReplayCommand({ command }: { command: string }) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    navigator.clipboard.writeText(`${command} --trace`).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div class="toolbar">
      <code class="replay-command" data-testid="replay-command">{command} --trace</code>
      <button type="button" class="secondary small" onClick={copy}>
        Copy replay command
      </button>
      {copied === 'yes' && <span role="status">Copied.</span>}
      {copied === 'failed' && <span role="status">Could not copy: select the command instead.</span>}
    </div>
  );
}
