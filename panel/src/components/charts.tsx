// uPlot charts (canvas, so thousands of points stay fast) and an SVG sparkline. uPlot sets sizes through the CSSOM,
// which the panel's strict style-src allows; colours come from the page's CSS variables so dark mode applies.

import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import type { FunctionMetrics } from '../api/types';
import { chartSeries, sparklinePoints } from '../lib/metrics';
import type { UsageSeries } from '../lib/usage';

/** A CSS variable as the canvas needs it: resolved (light-dark() and all) to an rgb() colour. */
function cssColour(name: string): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${name})`;
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

const bars = uPlot.paths.bars?.({ size: [0.8, 40] });

function useChart(build: (width: number) => uPlot.Options, data: uPlot.AlignedData, deps: unknown[]) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const chart = new uPlot(build(element.clientWidth || 600), data, element);
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: chart.height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return container;
}

const axis = (): uPlot.Axis => ({ stroke: cssColour('--muted'), grid: { stroke: cssColour('--line'), width: 1 }, ticks: { stroke: cssColour('--line') } });

export function InvocationsChart({ metrics }: { metrics: FunctionMetrics }) {
  const series = chartSeries(metrics);
  const raw = [series.okPerMinute, series.failedPerMinute, series.refusedPerMinute];
  // Bars drawn tallest first, each from zero, so the later (lower) ones paint the stack's layers; the legend shows
  // each layer's own rate, not its cumulative top.
  const layer = (label: string, colour: string, rawIndex: number): uPlot.Series => ({
    label,
    stroke: colour,
    fill: colour,
    // No outline: an empty bucket would show it as a dash along the axis.
    width: 0,
    points: { show: false },
    ...(bars === undefined ? {} : { paths: bars }),
    value: (_chart, _value, _series, index) => (index === null ? '—' : `${raw[rawIndex]?.[index] ?? 0}/min`),
  });
  const container = useChart(
    (width) => ({
      width,
      height: 220,
      series: [{}, layer('refused', cssColour('--warn'), 2), layer('failed', cssColour('--bad'), 1), layer('ok', cssColour('--ok'), 0)],
      axes: [axis(), { ...axis(), label: 'per minute' }],
      scales: { y: { range: (_chart, _min, max) => [0, Math.max(1, max)] } },
    }),
    [series.x, series.stacked[2], series.stacked[1], series.stacked[0]],
    [metrics],
  );
  return <div class="chart" ref={container} role="img" aria-label={`Invocations per minute by outcome: ${series.total} in this range`} data-testid="chart-invocations" />;
}

export function LatencyChart({ metrics }: { metrics: FunctionMetrics }) {
  const series = chartSeries(metrics);
  const line = (label: string, colour: string): uPlot.Series => ({
    label,
    stroke: colour,
    width: 2,
    spanGaps: true,
    // A bucket between empty ones has no line to draw, so every value gets its dot.
    points: { show: true, size: 5, fill: colour },
    value: (_chart, value) => (value === null ? '—' : `${value.toFixed(1)} ms`),
  });
  const container = useChart(
    (width) => ({
      width,
      height: 220,
      series: [{}, line('p50', cssColour('--ok')), line('p95', cssColour('--accent')), line('p99', cssColour('--bad'))],
      axes: [axis(), { ...axis(), label: 'ms' }],
    }),
    [series.x, series.p50, series.p95, series.p99],
    [metrics],
  );
  return <div class="chart" ref={container} role="img" aria-label="Latency p50, p95 and p99 in milliseconds" data-testid="chart-latency" />;
}

export function Sparkline({ metrics, label }: { metrics: FunctionMetrics; label: string }) {
  const counts = metrics.points.map((point) => point.ok + point.failed + point.refused);
  const total = counts.reduce((sum, count) => sum + count, 0);
  return (
    <figure class="sparkline">
      <svg viewBox="0 0 200 40" preserveAspectRatio="none" role="img" aria-label={`${label}: ${total} in all`}>
        <polyline points={sparklinePoints(counts, 200, 40)} />
      </svg>
      <figcaption>
        {total} invocation{total === 1 ? '' : 's'} in the last 24 hours
      </figcaption>
    </figure>
  );
}

export function UsageChart({ series }: { series: UsageSeries }) {
  const total = series.invocations.reduce((sum, value) => sum + value, 0);
  const container = useChart(
    (width) => ({
      width,
      height: 220,
      series: [
        {},
        {
          label: 'invocations',
          stroke: cssColour('--ok'),
          fill: cssColour('--ok'),
          width: 0,
          points: { show: false },
          ...(bars === undefined ? {} : { paths: bars }),
        },
        { label: 'refused', stroke: cssColour('--warn'), width: 2, points: { show: true, size: 5 } },
        {
          label: 'CPU seconds',
          scale: 'cpu',
          stroke: cssColour('--accent'),
          width: 2,
          points: { show: true, size: 5 },
          value: (_chart, value) => (value === null ? '—' : `${value} s`),
        },
      ],
      axes: [axis(), { ...axis(), label: 'per day' }, { ...axis(), scale: 'cpu', side: 1, grid: { show: false }, label: 'CPU s' }],
      scales: { y: { range: (_chart, _min, max) => [0, Math.max(1, max)] }, cpu: { range: (_chart, _min, max) => [0, Math.max(1, max)] } },
    }),
    [series.x, series.invocations, series.refused, series.cpuSeconds],
    [series],
  );
  return <div class="chart" ref={container} role="img" aria-label={`Invocations and CPU seconds per day: ${total} invocations in this range`} data-testid="chart-usage" />;
}
