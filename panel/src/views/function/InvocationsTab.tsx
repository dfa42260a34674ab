import { useEffect, useRef, useState } from 'preact/hooks';
import type { FunctionView, InvocationDetail, InvocationSummary } from '../../api/types';
import { Badge, Empty, Loaded, outcomeTone, useResource } from '../../components/ui';
import { describeSource, formatBytes, formatMicros, formatPages, formatTime } from '../../lib/format';
import { functionHref } from '../../lib/route';
import { api } from '../../session';
import { RecordingTimeline } from './RecordingTimeline';

export const OUTCOMES = ['ok', 'nonzero_exit', 'trap', 'timeout', 'memory_limit', 'output_limit', 'invalid_response', 'throttled', 'overloaded', 'unavailable', 'quota_exceeded'];
const RANGES = [
  { value: '15m', label: 'Last 15 minutes' },
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last 24 hours' },
  { value: '7d', label: 'Last 7 days' },
  { value: '', label: 'Any time' },
];
const STATUS_CLASSES = ['', '2xx', '3xx', '4xx', '5xx'];

export function InvocationsTab({ fn, selected }: { fn: FunctionView; selected: string | null }) {
  const [outcome, setOutcome] = useState('');
  const [since, setSince] = useState('24h');
  const [statusClass, setStatusClass] = useState('');
  const [list, reload] = useResource(
    () => api.listInvocations(fn.name, { outcome, status: statusClass, since, limit: 100 }),
    [fn.name, outcome, statusClass, since],
  );
  return (
    <div class="stack">
      <div class="toolbar filters">
        <div>
          <label for="filter-outcome">Outcome</label>
          <select id="filter-outcome" value={outcome} onChange={(event) => setOutcome(event.currentTarget.value)}>
            <option value="">Any outcome</option>
            {OUTCOMES.map((each) => (
              <option key={each}>{each}</option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-status">Status</label>
          <select id="filter-status" value={statusClass} onChange={(event) => setStatusClass(event.currentTarget.value)}>
            {STATUS_CLASSES.map((each) => (
              <option key={each} value={each}>
                {each === '' ? 'Any status' : each}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-since">Time range</label>
          <select id="filter-since" value={since} onChange={(event) => setSince(event.currentTarget.value)}>
            {RANGES.map((each) => (
              <option key={each.value} value={each.value}>
                {each.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" class="secondary" onClick={reload}>
          Refresh
        </button>
      </div>
      <Loaded resource={list}>
        {(shown: InvocationSummary[]) => {
          return shown.length === 0 ? (
            <Empty>No invocations match these filters.</Empty>
          ) : (
            <div class="table-wrap">
              <table class="invocations-table">
                <thead>
                  <tr>
                    <th scope="col">Started</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Status</th>
                    <th scope="col">Wall time</th>
                    <th scope="col">Version</th>
                    <th scope="col">Source</th>
                    <th scope="col">Attempt</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((invocation) => (
                    <tr key={invocation.id} class={invocation.id === selected ? 'selected' : undefined}>
                      <th scope="row" data-label="Started">
                        <a href={functionHref(fn.name, 'invocations', invocation.id)}>{formatTime(invocation.startedAt)}</a>
                      </th>
                      <td data-label="Outcome">
                        <Badge tone={outcomeTone(invocation.outcome)}>{invocation.outcome}</Badge>
                      </td>
                      <td data-label="Status">{invocation.httpStatus}</td>
                      <td data-label="Wall time">{formatMicros(invocation.wallTimeUs)}</td>
                      <td data-label="Version">{invocation.version === null ? '—' : `v${invocation.version}`}</td>
                      <td data-label="Source">{invocation.source}</td>
                      <td data-label="Attempt">{invocation.attempt === null ? '—' : invocation.attempt}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Loaded>
      {selected !== null && <InvocationDrawer fn={fn} id={selected} />}
    </div>
  );
}

/** One invocation in full, deep-linkable at #/functions/<name>/invocations/<id>; Escape or Close goes back to the list. */
function InvocationDrawer({ fn, id }: { fn: FunctionView; id: string }) {
  const [detail] = useResource(() => api.getInvocation(id), [id]);
  const panel = useRef<HTMLElement>(null);
  const close = () => {
    window.location.hash = functionHref(fn.name, 'invocations');
  };
  useEffect(() => {
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [id]);
  return (
    <aside class="drawer" ref={panel} tabIndex={-1} role="dialog" aria-modal="false" aria-labelledby="drawer-heading">
      <div class="drawer-head">
        <h3 id="drawer-heading">Invocation</h3>
        <button type="button" class="secondary small" onClick={close}>
          Close
        </button>
      </div>
      <Loaded resource={detail}>{(invocation: InvocationDetail) => <InvocationFacts invocation={invocation} />}</Loaded>
      <RecordingTimeline id={id} fnName={fn.name} />
    </aside>
  );
}

export function InvocationFacts({ invocation }: { invocation: InvocationDetail }) {
  const hostCalls = Object.entries(invocation.hostCalls ?? {});
  return (
    <div class="stack">
      <dl class="facts">
        <dt>Id</dt>
        <dd>
          <code>{invocation.id}</code>
        </dd>
        <dt>Outcome</dt>
        <dd>
          <Badge tone={outcomeTone(invocation.outcome)}>{invocation.outcome}</Badge> HTTP {invocation.httpStatus}
          {invocation.exitCode !== null && `, exit code ${invocation.exitCode}`}
          {invocation.outcome === 'quota_exceeded' && (
            <p class="hint">
              Refused because your account is over a quota of its tier (invocations or CPU time today, or requests per second to this function). Refusals are not billed.{' '}
              <a href="#/account">See your usage and quotas</a>.
            </p>
          )}
        </dd>
        <dt>Started</dt>
        <dd>{formatTime(invocation.startedAt)}</dd>
        <dt>Wall / CPU</dt>
        <dd>
          {formatMicros(invocation.wallTimeUs)} / {formatMicros(invocation.cpuTimeUs)}
        </dd>
        <dt>Memory</dt>
        <dd>
          {formatPages(invocation.peakMemoryPages)} ({invocation.peakMemoryPages} pages)
        </dd>
        <dt>Bytes in / out</dt>
        <dd>
          {formatBytes(invocation.bytesIn)} / {formatBytes(invocation.bytesOut)}
        </dd>
        <dt>Version · source</dt>
        <dd>
          {invocation.version === null ? '—' : `v${invocation.version}`} · {describeSource(invocation.source, invocation.attempt)}
        </dd>
      </dl>
      {invocation.trapMessage !== null && (
        <>
          <h4>Trap</h4>
          <pre class="output">{invocation.trapMessage}</pre>
        </>
      )}
      <h4>Stderr</h4>
      {invocation.stderr === '' ? <p class="hint">Nothing written to stderr.</p> : <pre class="output" data-testid="drawer-stderr">{invocation.stderr}</pre>}
      <h4>Log lines</h4>
      {invocation.logLines.length === 0 ? (
        <p class="hint">No log lines.</p>
      ) : (
        <pre class="output">{invocation.logLines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}</pre>
      )}
      <h4>Host calls</h4>
      {hostCalls.length === 0 ? (
        <p class="hint">No host calls counted.</p>
      ) : (
        <ul class="plain-list mono">
          {hostCalls.map(([call, count]) => (
            <li key={call}>
              {call}: {count}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
