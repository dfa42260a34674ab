import { describe, expect, it } from 'vitest';
import type { FunctionMetrics, FunctionView } from '../../src/api/types';
import { describeSource, formatAgo, formatBytes, formatMicros, formatPercent, parseHeaderLines, problemLines, viewBody } from '../../src/lib/format';
import { filterRows, functionUrls, isWebUrl, joinActivity, sortRows } from '../../src/lib/functions';
import { chartSeries, sparklinePoints } from '../../src/lib/metrics';
import { functionHref, parseRoute } from '../../src/lib/route';

function fn(name: string, description = ''): FunctionView {
  return {
    name,
    description,
    visibility: 'public',
    activeVersion: 1,
    url: `https://run.example.test/${name}/`,
    timeoutMs: null,
    memoryPages: null,
    egressAllowList: [],
    createdAt: '',
    updatedAt: '',
  };
}

describe('routes', () => {
  it('give every screen a URL and read it back', () => {
    expect(parseRoute('')).toEqual({ screen: 'functions' });
    expect(parseRoute('#/tokens')).toEqual({ screen: 'tokens' });
    expect(parseRoute('#/functions/hello')).toEqual({ screen: 'function', name: 'hello', tab: 'overview', invocation: null });
    const deepLink = functionHref('hello', 'invocations', 'a-b-c');
    expect(deepLink).toBe('#/functions/hello/invocations/a-b-c');
    expect(parseRoute(deepLink)).toEqual({ screen: 'function', name: 'hello', tab: 'invocations', invocation: 'a-b-c' });
  });

  it('give the schedules and dead letters tabs their own URLs', () => {
    expect(parseRoute('#/functions/hello/schedules')).toEqual({ screen: 'function', name: 'hello', tab: 'schedules', invocation: null });
    expect(parseRoute(functionHref('hello', 'dead-letters'))).toEqual({ screen: 'function', name: 'hello', tab: 'dead-letters', invocation: null });
  });

  it('call anything else not found', () => {
    expect(parseRoute('#/functions/hello/nope').screen).toBe('not-found');
    expect(parseRoute('#/functions/hello/deploy/extra').screen).toBe('not-found');
    expect(parseRoute('#/admin/x').screen).toBe('not-found');
  });
});

describe('the functions list', () => {
  const rows = joinActivity([fn('beta', 'Image resizer'), fn('alpha'), fn('gamma')], [
    { name: 'alpha', invocations: 10, errorRate: 0.1, p95Ms: 5, lastInvokedAt: '2026-01-01T00:00:00Z' },
    { name: 'beta', invocations: 30, errorRate: 0, p95Ms: 2, lastInvokedAt: '2026-01-02T00:00:00Z' },
  ]);

  it('searches names and descriptions', () => {
    expect(filterRows(rows, 'IMAGE').map((row) => row.fn.name)).toEqual(['beta']);
    expect(filterRows(rows, ' ')).toHaveLength(3);
  });

  it('sorts by a column with functions that never ran last either way', () => {
    expect(sortRows(rows, 'invocations', 'descending').map((row) => row.fn.name)).toEqual(['beta', 'alpha', 'gamma']);
    expect(sortRows(rows, 'invocations', 'ascending').map((row) => row.fn.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(sortRows(rows, 'name', 'descending').map((row) => row.fn.name)).toEqual(['gamma', 'beta', 'alpha']);
  });

  it('derives the host-style URL and links only web URLs', () => {
    expect(functionUrls(fn('hello'))).toEqual({ path: 'https://run.example.test/hello/', host: 'https://hello.run.example.test/' });
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('https://run.example.test/x/')).toBe(true);
  });
});

describe('formatting', () => {
  it('reads sizes, times and rates the way people say them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MiB');
    expect(formatMicros(850)).toBe('850 µs');
    expect(formatMicros(12_300)).toBe('12 ms');
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatPercent(null)).toBe('—');
    expect(formatAgo('2026-01-01T00:00:00Z', new Date('2026-01-01T00:03:10Z'))).toBe('3 min ago');
    expect(formatAgo(null)).toBe('never');
  });

  it('shows each validation reason once, not again inside the detail', () => {
    const lines = problemLines('The module cannot run on Wasmcloud: unknown import env.x; no memory', ['unknown import env.x', 'no memory']);
    expect(lines.detail).toBe('The module cannot run on Wasmcloud');
    expect(lines.reasons).toEqual(['unknown import env.x', 'no memory']);
    expect(problemLines('Nothing to list', []).detail).toBe('Nothing to list');
  });

  it('pretty-prints JSON, keeps text, and offers binary as a download', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(viewBody('application/json', bytes('{"a":1}'))).toEqual({ kind: 'json', text: '{\n  "a": 1\n}' });
    expect(viewBody('text/plain; charset=utf-8', bytes('hi'))).toEqual({ kind: 'text', text: 'hi' });
    expect(viewBody('image/png', new Uint8Array([137, 80]))).toEqual({ kind: 'binary', size: 2 });
    expect(viewBody('text/plain', new Uint8Array([0xff, 0xfe]))).toEqual({ kind: 'binary', size: 2 });
  });

  it('parses console headers and points at the lines that are not headers', () => {
    expect(parseHeaderLines('Content-Type: text/plain\n\nbad line\nX-A: b: c')).toEqual({
      headers: [
        ['Content-Type', 'text/plain'],
        ['X-A', 'b: c'],
      ],
      invalid: [3],
    });
  });
});

describe('chart series', () => {
  const metrics: FunctionMetrics = {
    range: '24h',
    bucketSeconds: 300,
    from: '2026-01-01T00:00:00Z',
    to: '2026-01-01T00:10:00Z',
    points: [
      { at: '2026-01-01T00:00:00Z', ok: 10, failed: 5, refused: 0, p50Ms: 1, p95Ms: 2, p99Ms: 3 },
      { at: '2026-01-01T00:05:00Z', ok: 0, failed: 0, refused: 0, p50Ms: null, p95Ms: null, p99Ms: null },
    ],
  };

  it('turns bucket counts into per-minute rates stacked by outcome', () => {
    const series = chartSeries(metrics);
    expect(series.x).toEqual([1767225600, 1767225900]);
    expect(series.okPerMinute).toEqual([2, 0]);
    expect(series.stacked[1]).toEqual([3, 0]);
    expect(series.p95).toEqual([2, null]);
    expect(series.total).toBe(15);
  });

  it('scales the sparkline to its busiest bucket', () => {
    expect(sparklinePoints([0, 5, 10], 100, 20)).toBe('0.0,19.0 50.0,10.0 100.0,1.0');
    expect(sparklinePoints([], 100, 20)).toBe('');
  });
});

describe('invocation sources', () => {
  it('name the attempt of a background invocation and nothing more for the others', () => {
    expect(describeSource('async', 2)).toBe('async · attempt 2');
    expect(describeSource('schedule', 1)).toBe('schedule · attempt 1');
    expect(describeSource('api', null)).toBe('api');
  });
});
