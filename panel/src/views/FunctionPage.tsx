import type { FunctionView } from '../api/types';
import { Badge, Loaded, useResource } from '../components/ui';
import { FUNCTION_TABS, functionHref, type FunctionTab } from '../lib/route';
import { api } from '../session';
import { DeployTab } from './function/DeployTab';
import { EnvironmentTab } from './function/EnvironmentTab';
import { DeadLettersTab } from './function/DeadLettersTab';
import { InvocationsTab } from './function/InvocationsTab';
import { InvokeTab } from './function/InvokeTab';
import { LogsTab } from './function/LogsTab';
import { MetricsTab } from './function/MetricsTab';
import { OverviewTab } from './function/OverviewTab';
import { SchedulesTab } from './function/SchedulesTab';
import { SettingsTab } from './function/SettingsTab';
import { VersionsTab } from './function/VersionsTab';

const TAB_LABELS: Record<FunctionTab, string> = {
  overview: 'Overview',
  deploy: 'Deploy',
  versions: 'Versions',
  settings: 'Settings',
  environment: 'Environment',
  invoke: 'Invoke',
  invocations: 'Invocations',
  schedules: 'Schedules',
  'dead-letters': 'Dead letters',
  logs: 'Live logs',
  metrics: 'Metrics',
};

/** One function, its tabs as links so each has its own URL. */
export function FunctionPage({ name, tab, invocation }: { name: string; tab: FunctionTab; invocation: string | null }) {
  const [fn, reload] = useResource(() => api.getFunction(name), [name]);
  return (
    <section aria-labelledby="function-heading">
      <div class="page-head">
        <h1 id="function-heading" tabIndex={-1}>
          {name}
        </h1>
        {fn.status === 'ready' && <FunctionBadges fn={fn.data} />}
      </div>
      <nav class="tabs" aria-label={`${name} sections`}>
        {FUNCTION_TABS.map((each) => (
          <a key={each} href={functionHref(name, each)} aria-current={each === tab ? 'page' : undefined}>
            {TAB_LABELS[each]}
          </a>
        ))}
      </nav>
      <div class="tab-panel">
        <h2 class="visually-hidden">{TAB_LABELS[tab]}</h2>
        <Loaded resource={fn}>{(data: FunctionView) => <Tab fn={data} tab={tab} invocation={invocation} onChange={reload} />}</Loaded>
      </div>
    </section>
  );
}

function FunctionBadges({ fn }: { fn: FunctionView }) {
  return (
    <div class="row-meta">
      <Badge tone={fn.visibility === 'public' ? 'accent' : 'neutral'}>{fn.visibility}</Badge>
      {fn.activeVersion === null ? <Badge tone="warn">no version yet</Badge> : <Badge tone="ok">v{fn.activeVersion} active</Badge>}
    </div>
  );
}

function Tab({ fn, tab, invocation, onChange }: { fn: FunctionView; tab: FunctionTab; invocation: string | null; onChange: () => void }) {
  switch (tab) {
    case 'overview':
      return <OverviewTab fn={fn} />;
    case 'deploy':
      return <DeployTab fn={fn} onDeployed={onChange} />;
    case 'versions':
      return <VersionsTab fn={fn} onActivated={onChange} />;
    case 'settings':
      return <SettingsTab fn={fn} onSaved={onChange} />;
    case 'environment':
      return <EnvironmentTab fn={fn} />;
    case 'invoke':
      return <InvokeTab fn={fn} />;
    case 'invocations':
      return <InvocationsTab fn={fn} selected={invocation} />;
    case 'schedules':
      return <SchedulesTab fn={fn} />;
    case 'dead-letters':
      return <DeadLettersTab fn={fn} />;
    case 'logs':
      return <LogsTab fn={fn} />;
    case 'metrics':
      return <MetricsTab fn={fn} />;
  }
}
