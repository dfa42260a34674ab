// Turns the metrics endpoint's buckets into chart series: per-minute rates stacked by outcome, and latency lines.

import type { FunctionMetrics } from '../api/types';

export interface ChartSeries {
  /** Bucket starts, in Unix seconds (uPlot's x axis). */
  x: number[];
  okPerMinute: number[];
  failedPerMinute: number[];
  refusedPerMinute: number[];
  /** Cumulative tops for drawing the stack: ok, ok + failed, ok + failed + refused. */
  stacked: [number[], number[], number[]];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
  total: number;
}

export function chartSeries(metrics: FunctionMetrics): ChartSeries {
  const minutes = metrics.bucketSeconds / 60;
  const perMinute = (count: number) => Math.round((count / minutes) * 100) / 100;
  const x = metrics.points.map((point) => Math.floor(Date.parse(point.at) / 1000));
  const ok = metrics.points.map((point) => perMinute(point.ok));
  const failed = metrics.points.map((point) => perMinute(point.failed));
  const refused = metrics.points.map((point) => perMinute(point.refused));
  const okTop = ok;
  const failedTop = ok.map((value, index) => value + (failed[index] ?? 0));
  const refusedTop = failedTop.map((value, index) => value + (refused[index] ?? 0));
  return {
    x,
    okPerMinute: ok,
    failedPerMinute: failed,
    refusedPerMinute: refused,
    stacked: [okTop, failedTop, refusedTop],
    p50: metrics.points.map((point) => point.p50Ms),
    p95: metrics.points.map((point) => point.p95Ms),
    p99: metrics.points.map((point) => point.p99Ms),
    total: metrics.points.reduce((sum, point) => sum + point.ok + point.failed + point.refused, 0),
  };
}

/** The sparkline's polyline points in a width × height box, counts scaled to the busiest bucket. */
export function sparklinePoints(counts: readonly number[], width: number, height: number): string {
  if (counts.length === 0) return '';
  const peak = Math.max(1, ...counts);
  const step = counts.length > 1 ? width / (counts.length - 1) : 0;
  return counts
    .map((count, index) => `${(index * step).toFixed(1)},${(height - (count / peak) * (height - 2) - 1).toFixed(1)}`)
    .join(' ');
}
