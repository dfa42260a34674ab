import { useState } from 'preact/hooks';
import type { FunctionChanges, FunctionLimits, FunctionView, RecordMode, Visibility } from '../../api/types';
import { ProblemView, useAction, useResource } from '../../components/ui';
import { formatPages } from '../../lib/format';
import { api } from '../../session';

export function SettingsTab({ fn, onSaved }: { fn: FunctionView; onSaved: () => void }) {
  const [limits] = useResource(() => api.limits(), []);
  const max: FunctionLimits | null = limits.status === 'ready' ? limits.data : null;
  const [description, setDescription] = useState(fn.description);
  const [visibility, setVisibility] = useState<Visibility>(fn.visibility);
  const [timeout, setTimeoutText] = useState(fn.timeoutMs?.toString() ?? '');
  const [memory, setMemory] = useState(fn.memoryPages?.toString() ?? '');
  const [egress, setEgress] = useState(fn.egressAllowList.join('\n'));
  const [record, setRecord] = useState<RecordMode>(fn.record ?? 'off');
  const [saved, setSaved] = useState(false);
  const save = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const changes: FunctionChanges = {
      description,
      visibility,
      timeoutMs: timeout.trim() === '' ? null : Number(timeout),
      memoryPages: memory.trim() === '' ? null : Number(memory),
      egressAllowList: egress
        .split('\n')
        .map((host) => host.trim())
        .filter((host) => host !== ''),
      record,
    };
    void save.run(async () => {
      await api.updateFunction(fn.name, changes);
      setSaved(true);
      onSaved();
    });
  };

  return (
    <div class="stack">
      <form class="card" onSubmit={submit}>
        <h3>Settings</h3>
        <label for="settings-description">Description</label>
        <textarea id="settings-description" maxLength={1000} rows={2} value={description} onInput={(event) => setDescription(event.currentTarget.value)} />
        <label for="settings-visibility">Visibility</label>
        <select id="settings-visibility" value={visibility} onChange={(event) => setVisibility(event.currentTarget.value as Visibility)}>
          <option value="public">Public: anyone can call its URL</option>
          <option value="private">Private: only through the API</option>
        </select>
        <label for="settings-timeout">Timeout (ms)</label>
        <input
          id="settings-timeout"
          type="number"
          min={1}
          max={max?.maxTimeoutMs}
          inputMode="numeric"
          placeholder="platform default"
          aria-describedby="settings-timeout-hint"
          value={timeout}
          onInput={(event) => setTimeoutText(event.currentTarget.value)}
        />
        <p id="settings-timeout-hint" class="hint">
          Empty for the platform default{max !== null && `; at most ${max.maxTimeoutMs} ms on this server`}.
        </p>
        <label for="settings-memory">Memory (64 KiB pages)</label>
        <input
          id="settings-memory"
          type="number"
          min={1}
          max={max?.maxMemoryPages}
          inputMode="numeric"
          placeholder={max === null ? 'platform default' : `default ${max.defaultMemoryPages}`}
          aria-describedby="settings-memory-hint"
          value={memory}
          onInput={(event) => setMemory(event.currentTarget.value)}
        />
        <p id="settings-memory-hint" class="hint">
          {max === null
            ? 'Empty for the platform default.'
            : `Empty for the default of ${max.defaultMemoryPages} pages (${formatPages(max.defaultMemoryPages)}); at most ${max.maxMemoryPages} (${formatPages(max.maxMemoryPages)}).`}
        </p>
        <label for="settings-egress">Egress allow-list</label>
        <textarea
          id="settings-egress"
          rows={3}
          spellcheck={false}
          aria-describedby="settings-egress-hint"
          value={egress}
          onInput={(event) => setEgress(event.currentTarget.value)}
        />
        <p id="settings-egress-hint" class="hint">
          One host name per line that the function may call; empty means no outbound requests
          {max !== null && ` (at most ${max.maxEgressHosts} hosts)`}.
        </p>
        <label for="settings-record">Record for replay</label>
        <select id="settings-record" aria-describedby="settings-record-hint" value={record} onChange={(event) => setRecord(event.currentTarget.value as RecordMode)}>
          <option value="off">Off</option>
          <option value="on">Every invocation</option>
          <option value="errors">Failed invocations only</option>
        </select>
        <p id="settings-record-hint" class="hint">
          A recording holds the request's headers and body and every host call, so <code>wasmcloud replay</code> can run the invocation again
          exactly; only you and admins can read it.
        </p>
        {save.error !== null && <ProblemView error={save.error} />}
        {saved && (
          <p class="success-text" role="status">
            Saved.
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={save.busy}>
            {save.busy ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
      <DeleteFunction name={fn.name} />
    </div>
  );
}

/** Deleting is final, so the name must be typed out first. */
function DeleteFunction({ name }: { name: string }) {
  const [typed, setTyped] = useState('');
  const remove = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void remove.run(async () => {
      await api.deleteFunction(name);
      window.location.hash = '#/';
    });
  };
  return (
    <form class="card danger" onSubmit={submit}>
      <h3>Delete this function</h3>
      <p>Its URL stops answering at once, its versions and records go, and its name stays reserved for a while.</p>
      <label for="delete-confirm">
        Type <code>{name}</code> to confirm
      </label>
      <input id="delete-confirm" autoComplete="off" spellcheck={false} value={typed} onInput={(event) => setTyped(event.currentTarget.value)} />
      {remove.error !== null && <ProblemView error={remove.error} />}
      <div class="actions">
        <button type="submit" class="destructive" disabled={typed !== name || remove.busy}>
          Delete {name}
        </button>
      </div>
    </form>
  );
}
