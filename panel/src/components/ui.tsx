// Small pieces every screen uses: loading, empty and error states, copy buttons, and a loader hook.

import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, asApiError } from '../api/problem';
import { problemLines } from '../lib/format';

export type Resource<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/** Loads data for a view and reloads it on demand; an answer that arrives after the view moved on is dropped. */
export function useResource<T>(load: () => Promise<T>, deps: unknown[]): [Resource<T>, () => void] {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', error: asApiError(error) }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [state, reload];
}

/** Shows a resource's loading and error states, and its data through `children` once it is there. */
export function Loaded<T>({ resource, children }: { resource: Resource<T>; children: (data: T) => ComponentChildren }) {
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') return <ProblemView error={resource.error} />;
  return <>{children(resource.data)}</>;
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/** The server's ProblemDetail: title and status, the detail, then each reason on its own line. */
export function ProblemView({ error }: { error: ApiError }) {
  const { detail, reasons } = problemLines(error.detail, error.errors);
  return (
    <div class="problem" role="alert">
      <p class="problem-title">{error.status > 0 ? `${error.title} (${error.status})` : error.title}</p>
      {detail && <p class="problem-detail">{detail}</p>}
      {reasons.length > 0 && (
        <ul class="problem-reasons">
          {reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<number>(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      timer.current = window.setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" class="secondary small" onClick={copy} aria-label={label}>
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

/** A value with its copy button, for URLs and SHA-256 sums. */
export function Copyable({ text, label }: { text: string; label: string }) {
  return (
    <span class="copyable">
      <code>{text}</code>
      <CopyButton text={text} label={label} />
    </span>
  );
}

/** Runs an async action from a form or button, with a busy flag and the failure as a ProblemDetail. */
export function useAction(): {
  busy: boolean;
  error: ApiError | null;
  run: (action: () => Promise<void>) => Promise<void>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (thrown) {
      setError(asApiError(thrown));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(null) };
}

export function Badge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'neutral' | 'accent'; children: ComponentChildren }) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}

export function outcomeTone(outcome: string): 'ok' | 'warn' | 'bad' {
  if (outcome === 'ok') return 'ok';
  if (outcome === 'throttled' || outcome === 'overloaded' || outcome === 'unavailable' || outcome === 'quota_exceeded') return 'warn';
  return 'bad';
}
