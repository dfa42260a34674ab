import { useState } from 'preact/hooks';
import type { FunctionView, ScheduleView } from '../../api/types';
import { Badge, Empty, Loaded, ProblemView, useAction, useResource } from '../../components/ui';
import { formatTime } from '../../lib/format';
import { api } from '../../session';

/**
 * Cron schedules: each slot invokes the function in the background, retried like any background invocation. The
 * server checks the expression, the zone and the limits; its problem is shown as it comes.
 */
export function SchedulesTab({ fn }: { fn: FunctionView }) {
  const [schedules, reload] = useResource(() => api.listSchedules(fn.name), [fn.name]);
  const [cron, setCron] = useState('*/5 * * * *');
  const [timeZone, setTimeZone] = useState(browserZone());
  const [path, setPath] = useState('/');
  const [body, setBody] = useState('');
  const create = useAction();
  const change = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    void create.run(async () => {
      await api.createSchedule(fn.name, { cron: cron.trim(), timeZone: timeZone.trim(), path: path.trim(), body });
      reload();
    });
  };

  const act = (action: () => Promise<unknown>) =>
    void change.run(async () => {
      await action();
      reload();
    });

  return (
    <div class="stack">
      <Loaded resource={schedules}>
        {(list: ScheduleView[]) =>
          list.length === 0 ? (
            <Empty>No schedules yet. A schedule runs the function in the background at every slot of its cron expression.</Empty>
          ) : (
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Cron</th>
                    <th scope="col">Request</th>
                    <th scope="col">Next fire times</th>
                    <th scope="col">Fired · skipped</th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((schedule) => (
                    <tr key={schedule.id}>
                      <th scope="row" data-label="Cron">
                        <code>{schedule.cron}</code> <span class="hint">{schedule.timeZone}</span>
                      </th>
                      <td data-label="Request">
                        <code>
                          {schedule.method} {schedule.path}
                        </code>
                      </td>
                      <td data-label="Next fire times">
                        {schedule.paused ? (
                          <Badge tone="warn">paused</Badge>
                        ) : (
                          <ul class="plain-list">
                            {schedule.nextFireTimes.map((time) => (
                              <li key={time}>{formatTime(time)}</li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td data-label="Fired · skipped">
                        {schedule.firedSlots} · {schedule.skippedSlots}
                      </td>
                      <td>
                        <div class="actions">
                          <button
                            type="button"
                            class="secondary small"
                            aria-label={`${schedule.paused ? 'Resume' : 'Pause'} ${schedule.cron}`}
                            disabled={change.busy}
                            onClick={() => act(() => api.setSchedulePaused(fn.name, schedule.id, !schedule.paused))}
                          >
                            {schedule.paused ? 'Resume' : 'Pause'}
                          </button>
                          <button
                            type="button"
                            class="secondary small"
                            aria-label={`Delete ${schedule.cron}`}
                            disabled={change.busy}
                            onClick={() => act(() => api.deleteSchedule(fn.name, schedule.id))}
                          >
                            Delete
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
      {change.error !== null && <ProblemView error={change.error} />}
      <form class="card" onSubmit={submit}>
        <h3>New schedule</h3>
        <div class="two-columns">
          <div>
            <label for="schedule-cron">Cron (minute hour day month weekday)</label>
            <input id="schedule-cron" required spellcheck={false} value={cron} onInput={(event) => setCron(event.currentTarget.value)} />
          </div>
          <div>
            <label for="schedule-zone">Time zone</label>
            <input id="schedule-zone" required spellcheck={false} value={timeZone} onInput={(event) => setTimeZone(event.currentTarget.value)} />
          </div>
          <div>
            <label for="schedule-path">Path</label>
            <input id="schedule-path" spellcheck={false} value={path} onInput={(event) => setPath(event.currentTarget.value)} />
          </div>
          <div>
            <label for="schedule-body">Body</label>
            <input id="schedule-body" spellcheck={false} value={body} onInput={(event) => setBody(event.currentTarget.value)} />
          </div>
        </div>
        {create.error !== null && <ProblemView error={create.error} />}
        <div class="actions">
          <button type="submit" disabled={create.busy}>
            Create schedule
          </button>
        </div>
      </form>
    </div>
  );
}

/** The browser's own zone, the likeliest one its user thinks in; UTC when it cannot say. */
function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
