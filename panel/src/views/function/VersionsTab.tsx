import { useState } from 'preact/hooks';
import type { FunctionView, VersionView } from '../../api/types';
import { Badge, Empty, Loaded, ProblemView, useAction, useResource } from '../../components/ui';
import { formatBytes, formatTime } from '../../lib/format';
import { functionHref } from '../../lib/route';
import { api } from '../../session';

export function VersionsTab({ fn, onActivated }: { fn: FunctionView; onActivated: () => void }) {
  const [versions, reload] = useResource(() => api.listVersions(fn.name), [fn.name, fn.activeVersion]);
  const [confirming, setConfirming] = useState<number | null>(null);
  const action = useAction();
  const activate = (number: number) =>
    action.run(async () => {
      await api.activateVersion(fn.name, number);
      setConfirming(null);
      reload();
      onActivated();
    });
  return (
    <Loaded resource={versions}>
      {(list: VersionView[]) =>
        list.length === 0 ? (
          <Empty>
            No versions yet. <a href={functionHref(fn.name, 'deploy')}>Deploy a module</a>.
          </Empty>
        ) : (
          <>
            {action.error !== null && <ProblemView error={action.error} />}
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Version</th>
                    <th scope="col">Deployed</th>
                    <th scope="col">Size</th>
                    <th scope="col">ABI</th>
                    <th scope="col">SHA-256</th>
                    <th scope="col">
                      <span class="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...list]
                    .sort((a, b) => b.number - a.number)
                    .map((version) => (
                      <tr key={version.number}>
                        <th scope="row" data-label="Version">
                          v{version.number} {version.number === fn.activeVersion && <Badge tone="ok">active</Badge>}
                        </th>
                        <td data-label="Deployed">{formatTime(version.createdAt)}</td>
                        <td data-label="Size">{formatBytes(version.sizeBytes)}</td>
                        <td data-label="ABI">{version.abi}</td>
                        <td data-label="SHA-256">
                          <code title={version.sha256}>{version.sha256.slice(0, 12)}…</code>
                        </td>
                        <td>
                          {version.number !== fn.activeVersion &&
                            (confirming === version.number ? (
                              <span class="confirm">
                                <span>
                                  {fn.activeVersion !== null && version.number < fn.activeVersion ? 'Roll back' : 'Switch'} to v{version.number}?
                                </span>
                                <button type="button" disabled={action.busy} onClick={() => void activate(version.number)}>
                                  Yes, activate v{version.number}
                                </button>
                                <button type="button" class="secondary" onClick={() => setConfirming(null)}>
                                  Cancel
                                </button>
                              </span>
                            ) : (
                              <button type="button" class="secondary small" onClick={() => setConfirming(version.number)}>
                                {fn.activeVersion !== null && version.number < fn.activeVersion ? 'Roll back' : 'Activate'}
                              </button>
                            ))}
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
  );
}
