import { useState } from 'preact/hooks';
import type { CreatedToken, TokenView } from '../api/types';
import { Badge, Copyable, Empty, Loaded, ProblemView, useAction, useResource } from '../components/ui';
import { formatAgo, formatTime } from '../lib/format';
import { api } from '../session';

const SCOPES = ['read', 'deploy', 'invoke'];

/** API tokens for the CLI and scripts. A new token is shown once, here, and never again. */
export function TokensPage({ isAdmin }: { isAdmin: boolean }) {
  const [tokens, reload] = useResource(() => api.listTokens(), []);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read', 'deploy', 'invoke']);
  const [days, setDays] = useState('90');
  const create = useAction();
  const revoke = useAction();
  const offered = isAdmin ? [...SCOPES, 'admin'] : SCOPES;

  const submit = (event: Event) => {
    event.preventDefault();
    void create.run(async () => {
      setCreated(await api.createToken(name.trim(), scopes, days === '' ? null : Number(days)));
      setName('');
      reload();
    });
  };
  const toggleScope = (scope: string, on: boolean) => setScopes((current) => (on ? [...current, scope] : current.filter((each) => each !== scope)));

  return (
    <section aria-labelledby="tokens-heading" class="stack">
      <h1 id="tokens-heading" tabIndex={-1}>
        API tokens
      </h1>
      <p class="hint">For the wasmcloud CLI and scripts. The panel itself never uses one: it signs in with a session.</p>
      {created !== null && (
        <div class="card success" role="status">
          <h2>Token “{created.name}” created</h2>
          <p>Copy it now: it is shown only this once.</p>
          <Copyable text={created.token} label="Copy the new token" />
          <div class="actions">
            <button type="button" class="secondary" onClick={() => setCreated(null)}>
              Done, hide it
            </button>
          </div>
        </div>
      )}
      <form class="card" onSubmit={submit}>
        <h2>New token</h2>
        <div class="two-columns">
          <div>
            <label for="token-name">Name</label>
            <input id="token-name" required maxLength={100} value={name} placeholder="laptop CLI" onInput={(event) => setName(event.currentTarget.value)} />
          </div>
          <div>
            <label for="token-days">Expires after (days)</label>
            <input id="token-days" type="number" min={1} inputMode="numeric" value={days} onInput={(event) => setDays(event.currentTarget.value)} />
          </div>
        </div>
        <fieldset>
          <legend>Scopes</legend>
          {offered.map((scope) => (
            <label class="choice" key={scope}>
              <input type="checkbox" checked={scopes.includes(scope)} onChange={(event) => toggleScope(scope, event.currentTarget.checked)} /> {scope}
            </label>
          ))}
        </fieldset>
        {create.error !== null && <ProblemView error={create.error} />}
        <div class="actions">
          <button type="submit" disabled={create.busy}>
            Create token
          </button>
        </div>
      </form>
      {revoke.error !== null && <ProblemView error={revoke.error} />}
      <Loaded resource={tokens}>
        {(list: TokenView[]) =>
          list.length === 0 ? (
            <Empty>No tokens yet.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <caption class="visually-hidden">Your tokens</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Scopes</th>
                    <th scope="col">Expires</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span class="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((token) => (
                    <tr key={token.id}>
                      <th scope="row" data-label="Name">
                        {token.name}
                      </th>
                      <td data-label="Scopes">
                        {token.scopes.map((scope) => (
                          <Badge key={scope} tone="neutral">
                            {scope}
                          </Badge>
                        ))}
                      </td>
                      <td data-label="Expires">{token.expiresAt === null ? 'never' : formatTime(token.expiresAt)}</td>
                      <td data-label="Last used">{formatAgo(token.lastUsedAt)}</td>
                      <td>
                        <button
                          type="button"
                          class="secondary small"
                          aria-label={`Revoke ${token.name}`}
                          disabled={revoke.busy}
                          onClick={() =>
                            void revoke.run(async () => {
                              await api.revokeToken(token.id);
                              reload();
                            })
                          }
                        >
                          Revoke
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
    </section>
  );
}
