import { useState } from 'preact/hooks';
import type { FunctionMetrics, FunctionView, MetricsRange } from '../../api/types';
import { InvocationsChart, LatencyChart } from '../../components/charts';
import { Loaded, useResource } from '../../components/ui';
import { api } from '../../session';

const RANGES: { value: MetricsRange; label: string }[] = [
  { value: '1h', label: 'Hour' },
  { value: '24h', label: 'Day' },
  { value: '7d', label: 'Week' },
];

export function MetricsTab({ fn }: { fn: FunctionView }) {
  const [range, setRange] = useState<MetricsRange>('1h');
  const [metrics] = useResource(() => api.metrics(fn.name, range), [fn.name, range]);
  return (
    <div class="stack">
      <div class="segmented" role="group" aria-label="Time range">
        {RANGES.map((each) => (
          <button key={each.value} type="button" class="secondary" aria-pressed={range === each.value} onClick={() => setRange(each.value)}>
            {each.label}
          </button>
        ))}
      </div>
      <Loaded resource={metrics}>
        {(data: FunctionMetrics) => (
          <>
            <div class="card">
              <h3>Invocations per minute, by outcome</h3>
              <InvocationsChart metrics={data} />
            </div>
            <div class="card">
              <h3>Latency (wall time)</h3>
              <LatencyChart metrics={data} />
            </div>
          </>
        )}
      </Loaded>
    </div>
  );
}
