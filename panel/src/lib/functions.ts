// The functions list's view logic: rows joined with their activity, filtered by a search and sorted by a column.

import type { FunctionActivity, FunctionView } from '../api/types';

export interface FunctionRow {
  fn: FunctionView;
  activity: FunctionActivity | null;
}

export type SortKey = 'name' | 'invocations' | 'errorRate' | 'p95Ms' | 'lastInvokedAt';
export type SortDirection = 'ascending' | 'descending';

export function joinActivity(functions: readonly FunctionView[], activity: readonly FunctionActivity[]): FunctionRow[] {
  const byName = new Map(activity.map((entry) => [entry.name, entry]));
  return functions.map((fn) => ({ fn, activity: byName.get(fn.name) ?? null }));
}

export function filterRows(rows: readonly FunctionRow[], query: string): FunctionRow[] {
  const needle = query.trim().toLowerCase();
  if (needle === '') return [...rows];
  return rows.filter(({ fn }) => fn.name.includes(needle) || fn.description.toLowerCase().includes(needle));
}

/** Sorts a copy; rows without a value (no invocations yet) go last whichever the direction. */
export function sortRows(rows: readonly FunctionRow[], key: SortKey, direction: SortDirection): FunctionRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * a.fn.name.localeCompare(b.fn.name);
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    if (left === null && right === null) return a.fn.name.localeCompare(b.fn.name);
    if (left === null) return 1;
    if (right === null) return -1;
    return sign * (left - right) || a.fn.name.localeCompare(b.fn.name);
  });
}

function sortValue(row: FunctionRow, key: Exclude<SortKey, 'name'>): number | null {
  const activity = row.activity;
  if (activity === null) return null;
  if (key === 'lastInvokedAt') return activity.lastInvokedAt === null ? null : Date.parse(activity.lastInvokedAt);
  return activity[key];
}

/** Path style is the function's API URL; host style puts the name in front of the run host. */
export function functionUrls(fn: FunctionView): { path: string; host: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(fn.url);
  } catch {
    return { path: fn.url, host: null };
  }
  const host = `${parsed.protocol}//${fn.name}.${parsed.host}/`;
  return { path: fn.url, host };
}

/** Only http(s) URLs become links: a `javascript:` URL from a compromised API must not run in the panel. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
