import type { DeadLetter, FunctionView } from '../../api/types';
import { Empty, Loaded, ProblemView, useAction, useResource } from '../../components/ui';
import { formatTime } from '../../lib/format';
import { functionHref } from '../../lib/route';
import { api } from '../../session';

/** Background and scheduled requests whose every attempt failed: why, and retry or discard. */
export function DeadLettersTab({ fn }: { fn: FunctionView }) {
  const [letters, reload] = useResource(() => api.listDeadLetters(fn.name), [fn.name]);
  const action = useAction();

  const act = (run: () => Promise<unknown>) =>
    void action.run(async () => {
      await run();
      reload();
    });

  return (
    <div class="stack">
      <Loaded resource={letters}>
        {(list: DeadLetter[]) =>
          list.length === 0 ? (
            <Empty>No dead letters: every background request succeeded or is still being tried.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Failed</th>
                    <th scope="col">Source</th>
                    <th scope="col">Request</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Last error</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((letter) => (
                    <tr key={letter.id}>
                      <th scope="row" data-label="Failed">
                        {letter.lastInvocationId === null ? (
                          formatTime(letter.finishedAt)
                        ) : (
                          <a href={functionHref(fn.name, 'invocations', letter.lastInvocationId)}>{formatTime(letter.finishedAt)}</a>
                        )}
                      </th>
                      <td data-label="Source">{letter.source}</td>
                      <td data-label="Request">
                        <code>
                          {letter.method} {letter.path}
                        </code>
                      </td>
                      <td data-label="Attempts">{letter.attempts}</td>
                      <td data-label="Last error">{letter.lastError ?? '—'}</td>
                      <td>
                        <div class="actions">
                          <button
                            type="button"
                            class="small"
                            aria-label={`Retry ${letter.id}`}
                            disabled={action.busy}
                            onClick={() => act(() => api.retryDeadLetter(fn.name, letter.id))}
                          >
                            Retry
                          </button>
                          <button
                            type="button"
                            class="secondary small"
                            aria-label={`Discard ${letter.id}`}
                            disabled={action.busy}
                            onClick={() => act(() => api.discardDeadLetter(fn.name, letter.id))}
                          >
                            Discard
                          </button>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      {action.error !== null && <ProblemView error={action.error} />}
    </div>
  );
}
