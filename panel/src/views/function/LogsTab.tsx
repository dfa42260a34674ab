import { useEffect, useRef, useState } from 'preact/hooks';
import type { FunctionView, InvocationDetail } from '../../api/types';
import { Badge, Empty, outcomeTone } from '../../components/ui';
import { formatMicros, formatTime } from '../../lib/format';
import { functionHref } from '../../lib/route';
import { api } from '../../session';

const KEPT = 200;

type Connection = 'connecting' | 'live' | 'paused' | 'lost';

/** The API's Server-Sent Events stream of new invocation records, newest on top; pausing closes the stream. */
export function LogsTab({ fn }: { fn: FunctionView }) {
  const [rows, setRows] = useState<{ invocation: InvocationDetail; fresh: boolean }[]>([]);
  const [connection, setConnection] = useState<Connection>('connecting');
  const paused = connection === 'paused';
  const fresh = useRef<number>(0);

  useEffect(() => {
    if (paused) return;
    const source = new EventSource(api.logStreamUrl(fn.name));
    source.addEventListener('open', () => setConnection('live'));
    source.addEventListener('error', () => setConnection(source.readyState === EventSource.CLOSED ? 'lost' : 'connecting'));
    source.addEventListener('invocation', (event) => {
      const invocation = JSON.parse((event as MessageEvent<string>).data) as InvocationDetail;
      setRows((current) => [{ invocation, fresh: true }, ...current.filter((row) => row.invocation.id !== invocation.id)].slice(0, KEPT));
      // New rows are highlighted for a moment, then settle.
      window.clearTimeout(fresh.current);
      fresh.current = window.setTimeout(() => setRows((current) => current.map((row) => ({ ...row, fresh: false }))), 2500);
    });
    return () => {
      source.close();
      window.clearTimeout(fresh.current);
    };
  }, [fn.name, paused]);

  return (
    <div class="stack">
      <div class="toolbar">
        <span class={`live-state live-${connection}`} role="status">
          {connection === 'live' ? 'Live' : connection === 'paused' ? 'Paused' : connection === 'lost' ? 'Disconnected' : 'Connecting…'}
        </span>
        <button type="button" class="secondary" onClick={() => setConnection(paused ? 'connecting' : 'paused')} aria-pressed={paused}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" class="secondary" onClick={() => setRows([])} disabled={rows.length === 0}>
          Clear
        </button>
      </div>
      {rows.length === 0 ? (
        <Empty>Waiting for invocations of {fn.name}. Call it from another tab or its URL and they appear here.</Empty>
      ) : (
        <ol class="log-rows" aria-label="Live invocations, newest first">
          {rows.map(({ invocation, fresh: isFresh }) => (
            <li key={invocation.id} class={isFresh ? 'fresh' : undefined}>
              <a href={functionHref(fn.name, 'invocations', invocation.id)} class="log-head">
                <time dateTime={invocation.startedAt}>{formatTime(invocation.startedAt)}</time>
                <Badge tone={outcomeTone(invocation.outcome)}>{invocation.outcome}</Badge>
                <span>{invocation.httpStatus}</span>
                <span>{formatMicros(invocation.wallTimeUs)}</span>
              </a>
              {invocation.stderr !== '' && <pre class="output small">{invocation.stderr}</pre>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
