import type { FunctionView, InvocationSummary } from '../../api/types';
import { Sparkline } from '../../components/charts';
import { Badge, Copyable, Empty, Loaded, outcomeTone, useResource } from '../../components/ui';
import { formatAgo, formatMicros } from '../../lib/format';
import { functionUrls } from '../../lib/functions';
import { functionHref } from '../../lib/route';
import { api } from '../../session';

export function OverviewTab({ fn }: { fn: FunctionView }) {
  const urls = functionUrls(fn);
  const [recent] = useResource(() => api.listInvocations(fn.name, { limit: 5 }), [fn.name]);
  const [metrics] = useResource(() => api.metrics(fn.name, '24h'), [fn.name]);
  return (
    <div class="grid">
      <div class="card">
        <h3>Where it answers</h3>
        {fn.visibility === 'public' ? (
          <dl class="facts">
            <dt>Path style</dt>
            <dd>
              <Copyable text={urls.path} label="Copy the path-style URL" />
            </dd>
            {urls.host !== null && (
              <>
                <dt>Host style</dt>
                <dd>
                  <Copyable text={urls.host} label="Copy the host-style URL" />
                </dd>
              </>
            )}
          </dl>
        ) : (
          <p>
            This function is private: it has no public URL. Call it from the <a href={functionHref(fn.name, 'invoke')}>Invoke</a> tab,
            or with an API token: <code>POST /api/functions/{fn.name}/invoke</code>.
          </p>
        )}
        {fn.description && <p class="description">{fn.description}</p>}
      </div>
      <div class="card">
        <h3>Last 24 hours</h3>
        <Loaded resource={metrics}>{(data) => <Sparkline metrics={data} label={`Invocations of ${fn.name} over the last 24 hours`} />}</Loaded>
      </div>
      <div class="card span-2">
        <h3>Last invocations</h3>
        <Loaded resource={recent}>
          {(list: InvocationSummary[]) =>
            list.length === 0 ? (
              <Empty>
                No invocations yet. {fn.activeVersion === null ? 'Deploy a module first.' : 'Try the Invoke tab.'}
              </Empty>
            ) : (
              <ul class="plain-list">
                {list.map((invocation) => (
                  <li key={invocation.id}>
                    <Badge tone={outcomeTone(invocation.outcome)}>{invocation.outcome}</Badge>{' '}
                    <a href={functionHref(fn.name, 'invocations', invocation.id)}>
                      {invocation.httpStatus} · {formatMicros(invocation.wallTimeUs)} · {formatAgo(invocation.startedAt)}
                    </a>
                  </li>
                ))}
              </ul>
            )
          }
        </Loaded>
      </div>
    </div>
  );
}
