import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import type { AccountView, ApplicationView, UsageView } from '../api/types';
import { UsageChart } from '../components/charts';
import { Badge, Loaded, ProblemView, useAction, useResource } from '../components/ui';
import { formatBytes, formatTime } from '../lib/format';
import { dayOf, quotaUse, usageSeries, utcDay } from '../lib/usage';
import { api } from '../session';

/** The caller's tier, quotas and metered usage, and the application for more than the examples. */
export function AccountPage() {
  const [account, reloadAccount] = useResource(() => api.account(), []);
  const [usage] = useResource(() => api.usage(), []);
  return (
    <section aria-labelledby="account-heading" class="stack">
      <h1 id="account-heading" tabIndex={-1}>
        Account
      </h1>
      <Loaded resource={account}>
        {(view: AccountView) => (
          <>
            <Tier account={view} usage={usage.status === 'ready' ? usage.data : null} />
            <Application account={view} onApplied={reloadAccount} />
          </>
        )}
      </Loaded>
      <section class="card" aria-labelledby="usage-heading">
        <h2 id="usage-heading">Usage per day (UTC)</h2>
        <Loaded resource={usage}>
          {(view: UsageView) => <Usage usage={view} />}
        </Loaded>
      </section>
    </section>
  );
}

function Tier({ account, usage }: { account: AccountView; usage: UsageView | null }) {
  const today = usage === null ? null : dayOf(usage, utcDay());
  return (
    <section class="card" aria-labelledby="tier-heading">
      <h2 id="tier-heading">
        Tier <Badge tone={account.tier === 'examples' ? 'warn' : 'accent'}>{account.tier}</Badge>
      </h2>
      <dl class="facts" data-testid="quotas">
        <dt>Functions</dt>
        <dd>{account.quotas.functions ?? 'no limit'}</dd>
        <dt>Requests per second, per function</dt>
        <dd>{account.quotas.requestsPerSecond ?? 'no limit'}</dd>
        {today !== null &&
          quotaUse(today, account.quotas).map((use) => (
            <Fragment key={use.label}>
              <dt>{use.label}</dt>
              <dd>
                {use.used} of {use.quota ?? 'no limit'}
                {use.share !== null && <meter min={0} max={1} value={use.share} aria-label={`${use.label}: ${Math.round(use.share * 100)}% of the quota`} />}
              </dd>
            </Fragment>
          ))}
      </dl>
      <p class="hint">
        Past a daily quota, your functions answer 429 with Retry-After until midnight UTC, and their invocations show the outcome <code>quota_exceeded</code>; refusals are not
        billed.
      </p>
      {account.tier === 'examples' && (
        <details>
          <summary>What the examples tier may deploy</summary>
          <ul class="plain-list">
            {account.examples.map((example) => (
              <li key={example.sha256}>
                <code>examples/{example.path}</code> <code class="hash">{example.sha256}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Application({ account, onApplied }: { account: AccountView; onApplied: () => void }) {
  const [reason, setReason] = useState('');
  const action = useAction();
  const latest = account.application;
  if (account.tier === 'full') return null;
  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await api.applyForTier(reason.trim());
      setReason('');
      onApplied();
    });
  };
  return (
    <section class="card" aria-labelledby="apply-heading">
      <h2 id="apply-heading">{account.tier === 'examples' ? 'Apply for the free tier' : 'Apply for more'}</h2>
      {latest !== null && <ApplicationState application={latest} />}
      {latest?.state !== 'pending' && (
        <form onSubmit={submit}>
          <label for="apply-reason">What do you want to build?</label>
          <textarea id="apply-reason" required maxLength={2000} rows={3} value={reason} onInput={(event) => setReason(event.currentTarget.value)} aria-describedby="apply-hint" />
          <p id="apply-hint" class="hint">
            An admin reads it and approves you into a tier, or answers why not. The free tier may deploy any module.
          </p>
          {action.error !== null && <ProblemView error={action.error} />}
          <div class="actions">
            <button type="submit" disabled={action.busy || reason.trim() === ''}>
              {action.busy ? 'Applying…' : 'Apply'}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function ApplicationState({ application }: { application: ApplicationView }) {
  switch (application.state) {
    case 'pending':
      return (
        <p role="status" data-testid="application-state">
          <Badge tone="warn">waiting</Badge> You applied {formatTime(application.appliedAt)}; an admin will answer here.
        </p>
      );
    case 'approved':
      return (
        <p role="status" data-testid="application-state">
          <Badge tone="ok">approved</Badge> Into the {application.tier} tier, {formatTime(application.decidedAt)}.
        </p>
      );
    case 'declined':
      return (
        <p role="status" data-testid="application-state">
          <Badge tone="bad">declined</Badge> {application.message} You may apply again.
        </p>
      );
  }
}

function Usage({ usage }: { usage: UsageView }) {
  const series = usageSeries(usage, utcDay());
  const totals = usage.days.reduce(
    (sum, day) => ({ bytesIn: sum.bytesIn + day.bytesIn, bytesOut: sum.bytesOut + day.bytesOut, outbound: sum.outbound + day.outboundRequests }),
    { bytesIn: 0, bytesOut: 0, outbound: 0 },
  );
  return (
    <>
      <UsageChart series={series} />
      <p class="hint">
        Since {usage.since}: {formatBytes(totals.bytesIn)} in, {formatBytes(totals.bytesOut)} out, {totals.outbound} outbound requests. Counted from the invocation records
        every minute and kept after they expire.
      </p>
    </>
  );
}
