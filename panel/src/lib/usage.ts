// Turns the usage endpoint's days (only the days with any) into one point per UTC day for the account chart, and
// sets today's figures beside the quotas they count toward.

import type { DailyUsage, Quotas, UsageView } from '../api/types';

const DAY_MS = 86_400_000;

export interface UsageSeries {
  /** Each day's start, in Unix seconds (uPlot's x axis), from `since` to today. */
  x: number[];
  invocations: number[];
  cpuSeconds: number[];
  refused: number[];
}

/** Today's date in UTC, the day the quotas count. */
export function utcDay(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function usageSeries(usage: UsageView, today: string): UsageSeries {
  const byDay = new Map(usage.days.map((day) => [day.day, day]));
  const series: UsageSeries = { x: [], invocations: [], cpuSeconds: [], refused: [] };
  for (let at = Date.parse(`${usage.since}T00:00:00Z`); at <= Date.parse(`${today}T00:00:00Z`); at += DAY_MS) {
    const day = byDay.get(new Date(at).toISOString().slice(0, 10));
    series.x.push(at / 1000);
    series.invocations.push(day?.invocations ?? 0);
    series.cpuSeconds.push(Math.round((day?.cpuTimeUs ?? 0) / 1000) / 1000);
    series.refused.push(day?.refused ?? 0);
  }
  return series;
}

export function dayOf(usage: UsageView, day: string): DailyUsage {
  return (
    usage.days.find((entry) => entry.day === day) ?? {
      day,
      invocations: 0,
      cpuTimeUs: 0,
      bytesIn: 0,
      bytesOut: 0,
      outboundRequests: 0,
      refused: 0,
    }
  );
}

export interface QuotaUse {
  label: string;
  used: number;
  quota: number | null;
  /** used / quota, at most 1; null without a quota. */
  share: number | null;
}

/** Today's use of each daily quota; the usage lags the records by the rollup interval (a minute). */
export function quotaUse(today: DailyUsage, quotas: Quotas): QuotaUse[] {
  const use = (label: string, used: number, quota: number | null): QuotaUse => ({
    label,
    used,
    quota,
    share: quota === null || quota === 0 ? null : Math.min(1, used / quota),
  });
  return [
    use('Invocations today', today.invocations, quotas.invocationsPerDay),
    use('CPU seconds today', Math.round(today.cpuTimeUs / 1000) / 1000, quotas.cpuSecondsPerDay),
  ];
}

/** An admin's override as typed: blank follows the tier; otherwise a whole number, at least `min`. */
export function parseOverride(text: string, min = 0): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min ? value : 'invalid';
}
