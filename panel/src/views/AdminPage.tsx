import { useState } from 'preact/hooks';
import { TIERS, type Quotas, type Tier, type UserView } from '../api/types';
import { Badge, Empty, Loaded, ProblemView, useAction, useResource } from '../components/ui';
import { formatTime } from '../lib/format';
import { parseOverride } from '../lib/usage';
import { api } from '../session';

/** Whether the user waits for an admin: a signup to approve or an application to answer. */
export function isWaiting(user: UserView): boolean {
  return user.status === 'pending' || user.application !== null;
}

/** Admins only: the API refuses these calls to anyone else, and the panel shows the screen only to admins. */
export function AdminPage() {
  const [users, reload] = useResource(() => api.listUsers(), []);
  const action = useAction();
  const act = (change: () => Promise<unknown>) =>
    void action.run(async () => {
      await change();
      reload();
    });
  return (
    <section aria-labelledby="admin-heading" class="stack">
      <h1 id="admin-heading" tabIndex={-1}>
        Users
      </h1>
      {action.error !== null && <ProblemView error={action.error} />}
      <Loaded resource={users}>
        {(list: UserView[]) =>
          list.length === 0 ? (
            <Empty>No users yet.</Empty>
          ) : (
            <>
              <Queue users={list.filter(isWaiting)} busy={action.busy} act={act} />
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Login</th>
                      <th scope="col">Role</th>
                      <th scope="col">Status</th>
                      <th scope="col">Tier</th>
                      <th scope="col">Joined</th>
                      <th scope="col">
                        <span class="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...list]
                      .sort((a, b) => (a.status === 'pending' ? -1 : 0) - (b.status === 'pending' ? -1 : 0) || a.login.localeCompare(b.login))
                      .map((user) => (
                        <tr key={user.login}>
                          <th scope="row" data-label="Login">
                            {user.login}
                          </th>
                          <td data-label="Role">{user.role}</td>
                          <td data-label="Status">
                            <Badge tone={user.status === 'active' ? 'ok' : user.status === 'pending' ? 'warn' : 'bad'}>{user.status}</Badge>
                          </td>
                          <td data-label="Tier">{user.tier}</td>
                          <td data-label="Joined">{formatTime(user.createdAt)}</td>
                          <td>
                            {user.status === 'suspended' && (
                              <button type="button" class="small" disabled={action.busy} aria-label={`Reactivate ${user.login}`} onClick={() => act(() => api.approveUser(user.login))}>
                                Reactivate
                              </button>
                            )}
                            {user.status !== 'suspended' && (
                              <button
                                type="button"
                                class="secondary small"
                                disabled={action.busy}
                                aria-label={`Suspend ${user.login}`}
                                onClick={() => act(() => api.suspendUser(user.login))}
                              >
                                Suspend
                              </button>
                            )}
                            <QuotaOverrides user={user} busy={action.busy} act={act} />
                          </td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </Loaded>
    </section>
  );
}

type Act = (change: () => Promise<unknown>) => void;

/** Signups and applications waiting for an answer, each with its reason: approve into a tier, or decline saying why. */
function Queue({ users, busy, act }: { users: UserView[]; busy: boolean; act: Act }) {
  return (
    <section class="card" aria-labelledby="queue-heading">
      <h2 id="queue-heading">Waiting for an answer ({users.length})</h2>
      {users.length === 0 ? (
        <Empty>Nobody is waiting.</Empty>
      ) : (
        <ul class="plain-list">
          {users.map((user) => (
            <QueueEntry key={user.login} user={user} busy={busy} act={act} />
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueEntry({ user, busy, act }: { user: UserView; busy: boolean; act: Act }) {
  const [tier, setTier] = useState<Tier>('free');
  const [message, setMessage] = useState('');
  const id = `queue-${user.login}`;
  return (
    <li data-testid={id}>
      <p>
        <strong>{user.login}</strong> ({user.tier}){' '}
        {user.application === null ? 'signed up and waits for approval.' : `applied ${formatTime(user.application.appliedAt)}: “${user.application.reason}”`}
      </p>
      <div class="actions">
        <label for={`${id}-tier`}>Tier</label>
        <select id={`${id}-tier`} value={tier} onChange={(event) => setTier(event.currentTarget.value as Tier)}>
          {TIERS.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </select>
        <button type="button" class="small" disabled={busy} aria-label={`Approve ${user.login}`} onClick={() => act(() => api.approveUser(user.login, tier))}>
          Approve
        </button>
      </div>
      {user.application !== null && (
        <form
          class="actions"
          onSubmit={(event) => {
            event.preventDefault();
            act(() => api.declineApplication(user.login, message.trim()));
          }}
        >
          <label for={`${id}-message`}>Message</label>
          <input id={`${id}-message`} required maxLength={1000} value={message} onInput={(event) => setMessage(event.currentTarget.value)} placeholder="Why not, for the user" />
          <button type="submit" class="secondary small" disabled={busy || message.trim() === ''} aria-label={`Decline ${user.login}`}>
            Decline
          </button>
        </form>
      )}
    </li>
  );
}

const QUOTA_FIELDS: { key: keyof Quotas; label: string; min: number }[] = [
  { key: 'functions', label: 'Functions', min: 0 },
  { key: 'invocationsPerDay', label: 'Invocations per day', min: 0 },
  { key: 'cpuSecondsPerDay', label: 'CPU seconds per day', min: 0 },
  { key: 'requestsPerSecond', label: 'Requests per second', min: 1 },
];

/** One user's overrides of their tier's quotas: a blank field follows the tier. */
function QuotaOverrides({ user, busy, act }: { user: UserView; busy: boolean; act: Act }) {
  const initial = (key: keyof Quotas) => {
    const value = user.quotaOverrides?.[key];
    return value === null || value === undefined ? '' : String(value);
  };
  const [texts, setTexts] = useState<Record<keyof Quotas, string>>({
    functions: initial('functions'),
    invocationsPerDay: initial('invocationsPerDay'),
    cpuSecondsPerDay: initial('cpuSecondsPerDay'),
    requestsPerSecond: initial('requestsPerSecond'),
  });
  const parsed = QUOTA_FIELDS.map((field) => [field.key, parseOverride(texts[field.key], field.min)] as const);
  const invalid = parsed.some(([, value]) => value === 'invalid');
  const submit = (event: Event) => {
    event.preventDefault();
    if (invalid) return;
    act(() => api.overrideQuotas(user.login, Object.fromEntries(parsed) as unknown as Quotas));
  };
  return (
    <details class="quota-overrides">
      <summary>Quotas of {user.login}</summary>
      <form onSubmit={submit}>
        {QUOTA_FIELDS.map((field) => (
          <div key={field.key}>
            <label for={`quota-${user.login}-${field.key}`}>{field.label}</label>
            <input
              id={`quota-${user.login}-${field.key}`}
              inputMode="numeric"
              placeholder={`the ${user.tier} tier's`}
              value={texts[field.key]}
              aria-invalid={parseOverride(texts[field.key], field.min) === 'invalid'}
              onInput={(event) => setTexts({ ...texts, [field.key]: event.currentTarget.value })}
            />
          </div>
        ))}
        <p class="hint">Blank follows the tier. Executors apply a change within a second.</p>
        <button type="submit" class="small" disabled={busy || invalid} aria-label={`Save the quotas of ${user.login}`}>
          Save
        </button>
      </form>
    </details>
  );
}
