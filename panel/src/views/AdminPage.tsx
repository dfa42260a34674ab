import type { UserView } from '../api/types';
import { Badge, Empty, Loaded, ProblemView, useAction, useResource } from '../components/ui';
import { formatTime } from '../lib/format';
import { api } from '../session';

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
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Login</th>
                    <th scope="col">Role</th>
                    <th scope="col">Status</th>
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
                        <td data-label="Joined">{formatTime(user.createdAt)}</td>
                        <td>
                          {user.status !== 'active' && (
                            <button type="button" class="small" disabled={action.busy} aria-label={`Approve ${user.login}`} onClick={() => act(() => api.approveUser(user.login))}>
                              Approve
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
