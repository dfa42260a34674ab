// How numbers, sizes and times read on screen. Pure functions, so they are unit-tested without a browser.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Microseconds as the most readable unit: 850 µs, 12.3 ms, 4.1 s. */
export function formatMicros(micros: number): string {
  if (micros < 1000) return `${micros} µs`;
  return formatMillis(micros / 1000);
}

export function formatMillis(millis: number | null): string {
  if (millis === null) return '—';
  if (millis < 1) return `${Math.round(millis * 1000)} µs`;
  if (millis < 1000) return `${millis < 10 ? millis.toFixed(1) : Math.round(millis)} ms`;
  return `${(millis / 1000).toFixed(1)} s`;
}

export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '—';
  if (fraction === 0) return '0%';
  if (fraction < 0.001) return '<0.1%';
  return `${(fraction * 100).toFixed(fraction < 0.1 ? 1 : 0)}%`;
}

/** "3 min ago", "2 h ago", else the date: for the "last invoked" and "last used" columns. */
export function formatAgo(iso: string | null, now: Date = new Date()): string {
  if (iso === null) return 'never';
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 0) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  if (seconds < 7 * 86_400) return `${Math.floor(seconds / 86_400)} d ago`;
  return then.toLocaleDateString();
}

export function formatTime(iso: string | null): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** Memory in 64 KiB wasm pages, as people think of it. */
export function formatPages(pages: number): string {
  return formatBytes(pages * 65_536);
}

export type BodyView = { kind: 'json'; text: string } | { kind: 'text'; text: string } | { kind: 'binary'; size: number };

/** How the invoke console shows a reply body: JSON pretty-printed, text as is, anything else as a download. */
export function viewBody(contentType: string, body: Uint8Array): BodyView {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const isJson = type === 'application/json' || type.endsWith('+json');
  const isText = type.startsWith('text/') || isJson || type === 'application/xml' || type === '';
  if (!isText) return { kind: 'binary', size: body.length };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { kind: 'binary', size: body.length };
  }
  if (isJson) {
    try {
      return { kind: 'json', text: JSON.stringify(JSON.parse(text), null, 2) };
    } catch {
      return { kind: 'text', text };
    }
  }
  return { kind: 'text', text };
}

/** The lines of a problem to show: the detail, then each reason once (the API often repeats them in the detail). */
export function problemLines(detail: string, errors: readonly string[]): { detail: string; reasons: readonly string[] } {
  if (errors.length === 0) return { detail, reasons: errors };
  const first = errors[0] ?? '';
  const at = first === '' ? -1 : detail.indexOf(first);
  const shortened = at < 0 ? detail : detail.slice(0, at).replace(/[\s:;,-]+$/, '');
  return { detail: shortened, reasons: errors };
}

/** Parses "KEY: value" lines of the invoke console's header box; returns the bad lines' numbers too. */
export function parseHeaderLines(text: string): { headers: [string, string][]; invalid: number[] } {
  const headers: [string, string][] = [];
  const invalid: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const at = line.indexOf(':');
    const name = at > 0 ? line.slice(0, at).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      invalid.push(index + 1);
      return;
    }
    headers.push([name, line.slice(at + 1).trim()]);
  });
  return { headers, invalid };
}

/** Where an invocation came from, with the attempt for a background one: `async · attempt 2`. */
export function describeSource(source: string, attempt: number | null): string {
  return attempt === null ? source : `${source} · attempt ${attempt}`;
}
