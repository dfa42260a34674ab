import { useState } from 'preact/hooks';
import type { FunctionActivity, FunctionView } from '../api/types';
import { Badge, Empty, Loaded, ProblemView, useResource } from '../components/ui';
import { formatAgo, formatMillis, formatPercent } from '../lib/format';
import { filterRows, isWebUrl, joinActivity, sortRows, type SortDirection, type SortKey } from '../lib/functions';
import { functionHref } from '../lib/route';
import { api } from '../session';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Name' },
  { key: 'invocations', label: 'Invocations (24 h)' },
  { key: 'errorRate', label: 'Error rate' },
  { key: 'p95Ms', label: 'p95' },
  { key: 'lastInvokedAt', label: 'Last invoked' },
];

const PHONE_SORTS: { value: `${SortKey}:${SortDirection}`; label: string }[] = [
  { value: 'name:ascending', label: 'Name, A to Z' },
  { value: 'name:descending', label: 'Name, Z to A' },
  { value: 'invocations:descending', label: 'Most invocations' },
  { value: 'errorRate:descending', label: 'Highest error rate' },
  { value: 'p95Ms:descending', label: 'Slowest p95' },
  { value: 'lastInvokedAt:descending', label: 'Last invoked' },
];

export function FunctionsList() {
  const [functions] = useResource(() => api.listFunctions(), []);
  // The activity columns are extra: the list still shows when they fail to load.
  const [activity] = useResource(() => api.activity(), []);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'name', direction: 'ascending' });

  const toggle = (key: SortKey) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: key === 'name' ? 'ascending' : 'descending' },
    );

  return (
    <section aria-labelledby="functions-heading">
      <div class="page-head">
        <h1 id="functions-heading" tabIndex={-1}>
          Functions
        </h1>
        <a class="button" href="#/new">
          New function
        </a>
      </div>
      <Loaded resource={functions}>
        {(list: FunctionView[]) => {
          if (list.length === 0) {
            return (
              <Empty>
                <p>No functions yet.</p>
                <p>
                  <a href="#/new">Create your first function</a>, then drop a <code>.wasm</code> module on its Deploy tab.
                </p>
              </Empty>
            );
          }
          const activityList: FunctionActivity[] = activity.status === 'ready' ? activity.data : [];
          const rows = sortRows(filterRows(joinActivity(list, activityList), query), sort.key, sort.direction);
          return (
            <>
              <div class="toolbar">
                <label class="inline-label" for="function-search">
                  Search
                </label>
                <input id="function-search" type="search" value={query} placeholder="Name or description" onInput={(event) => setQuery(event.currentTarget.value)} />
                {/* At phone width the table's header, and with it the sort buttons, is hidden: sort here instead. */}
                <label class="inline-label phone-only" for="function-sort">
                  Sort
                </label>
                <select
                  id="function-sort"
                  class="phone-only"
                  value={`${sort.key}:${sort.direction}`}
                  onChange={(event) => {
                    const [key, direction] = event.currentTarget.value.split(':') as [SortKey, SortDirection];
                    setSort({ key, direction });
                  }}
                >
                  {PHONE_SORTS.map((each) => (
                    <option key={each.value} value={each.value}>
                      {each.label}
                    </option>
                  ))}
                </select>
              </div>
              {activity.status === 'error' && <ProblemView error={activity.error} />}
              <div class="table-wrap">
                <table class="functions-table">
                  <caption class="visually-hidden">Your functions, {rows.length} shown</caption>
                  <thead>
                    <tr>
                      {COLUMNS.map((column) => (
                        <th key={column.key} scope="col" aria-sort={sort.key === column.key ? sort.direction : 'none'}>
                          <button type="button" class="sort" onClick={() => toggle(column.key)}>
                            {column.label}
                            <span aria-hidden="true">{sort.key === column.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                          </button>
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map(({ fn, activity: stats }) => (
                      <tr key={fn.name}>
                        <th scope="row" data-label="Name">
                          <a class="function-name" href={functionHref(fn.name)}>
                            {fn.name}
                          </a>
                          <div class="row-meta">
                            <Badge tone={fn.visibility === 'public' ? 'accent' : 'neutral'}>{fn.visibility}</Badge>
                            <span>{fn.activeVersion === null ? 'no version' : `v${fn.activeVersion}`}</span>
                            {fn.visibility === 'public' && isWebUrl(fn.url) ? (
                              <a class="url" href={fn.url} rel="noopener noreferrer" target="_blank">
                                {fn.url}
                              </a>
                            ) : (
                              <span class="hint">private: invoke it from its Invoke tab or with the API</span>
                            )}
                          </div>
                          {fn.description && <div class="description">{fn.description}</div>}
                        </th>
                        <td data-label="Invocations (24 h)">{stats?.invocations ?? '—'}</td>
                        <td data-label="Error rate">{formatPercent(stats?.errorRate ?? null)}</td>
                        <td data-label="p95">{formatMillis(stats?.p95Ms ?? null)}</td>
                        <td data-label="Last invoked">{formatAgo(stats?.lastInvokedAt ?? null)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {rows.length === 0 && <Empty>No function matches “{query}”.</Empty>}
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
