import { useState } from 'preact/hooks';
import type { Visibility } from '../api/types';
import { ProblemView, useAction } from '../components/ui';
import { functionHref } from '../lib/route';
import { api } from '../session';

export function CreateFunction() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const created = await api.createFunction(name.trim(), description, visibility);
      window.location.hash = functionHref(created.name, 'deploy');
    });
  };
  return (
    <section class="card narrow" aria-labelledby="create-heading">
      <h1 id="create-heading" tabIndex={-1}>
        New function
      </h1>
      <form onSubmit={submit}>
        <label for="new-name">Name</label>
        <input
          id="new-name"
          required
          minLength={2}
          maxLength={63}
          autoComplete="off"
          spellcheck={false}
          pattern="[a-z0-9]([a-z0-9\-]*[a-z0-9])?"
          aria-describedby="new-name-hint"
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <p id="new-name-hint" class="hint">
          2 to 63 lower-case letters, digits and hyphens; it becomes part of the function's URL and is unique on this server.
        </p>
        <label for="new-description">Description (optional)</label>
        <textarea id="new-description" maxLength={1000} rows={2} value={description} onInput={(event) => setDescription(event.currentTarget.value)} />
        <fieldset>
          <legend>Visibility</legend>
          <label class="choice">
            <input type="radio" name="visibility" value="public" checked={visibility === 'public'} onChange={() => setVisibility('public')} />
            Public: anyone can call its URL
          </label>
          <label class="choice">
            <input type="radio" name="visibility" value="private" checked={visibility === 'private'} onChange={() => setVisibility('private')} />
            Private: only you, through the API
          </label>
        </fieldset>
        {action.error !== null && <ProblemView error={action.error} />}
        <div class="actions">
          <button type="submit" disabled={action.busy}>
            {action.busy ? 'Creating…' : 'Create function'}
          </button>
          <a href="#/">Cancel</a>
        </div>
      </form>
    </section>
  );
}
