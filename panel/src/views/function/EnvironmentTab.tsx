import { useState } from 'preact/hooks';
import type { FunctionView, Variable } from '../../api/types';
import { Badge, Empty, Loaded, ProblemView, useAction, useResource } from '../../components/ui';
import { formatTime } from '../../lib/format';
import { api } from '../../session';

/** Variables and secrets. A secret's value is sent once and never comes back: the API answers it as null. */
export function EnvironmentTab({ fn }: { fn: FunctionView }) {
  const [variables, reload] = useResource(() => api.listVariables(fn.name), [fn.name]);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [secret, setSecret] = useState(false);
  const save = useAction();
  const remove = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    void save.run(async () => {
      await api.setVariable(fn.name, key.trim(), value, secret);
      setKey('');
      setValue('');
      setSecret(false);
      reload();
    });
  };

  return (
    <div class="stack">
      <Loaded resource={variables}>
        {(list: Variable[]) =>
          list.length === 0 ? (
            <Empty>No variables yet. The function reads them as environment variables.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Value</th>
                    <th scope="col">Updated</th>
                    <th scope="col">
                      <span class="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((variable) => (
                    <tr key={variable.key}>
                      <th scope="row" data-label="Name">
                        <code>{variable.key}</code>
                      </th>
                      <td data-label="Value">
                        {variable.secret ? <Badge tone="neutral">secret · set</Badge> : <code class="value">{variable.value}</code>}
                      </td>
                      <td data-label="Updated">{formatTime(variable.updatedAt)}</td>
                      <td>
                        <button
                          type="button"
                          class="secondary small"
                          aria-label={`Remove ${variable.key}`}
                          disabled={remove.busy}
                          onClick={() =>
                            void remove.run(async () => {
                              await api.deleteVariable(fn.name, variable.key);
                              reload();
                            })
                          }
                        >
                          Remove
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      {remove.error !== null && <ProblemView error={remove.error} />}
      <form class="card" onSubmit={submit}>
        <h3>Set a variable</h3>
        <div class="two-columns">
          <div>
            <label for="env-key">Name</label>
            <input id="env-key" required autoComplete="off" spellcheck={false} value={key} onInput={(event) => setKey(event.currentTarget.value)} />
          </div>
          <div>
            <label for="env-value">Value</label>
            <input
              id="env-value"
              type={secret ? 'password' : 'text'}
              autoComplete="off"
              spellcheck={false}
              value={value}
              onInput={(event) => setValue(event.currentTarget.value)}
            />
          </div>
        </div>
        <label class="choice">
          <input type="checkbox" checked={secret} onChange={(event) => setSecret(event.currentTarget.checked)} />
          Secret: write-only, never shown again, not even here
        </label>
        {save.error !== null && <ProblemView error={save.error} />}
        <div class="actions">
          <button type="submit" disabled={save.busy}>
            {secret ? 'Set secret' : 'Set variable'}
          </button>
        </div>
      </form>
    </div>
  );
}
