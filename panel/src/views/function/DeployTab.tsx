import { useRef, useState } from 'preact/hooks';
import type { FunctionView, VersionView } from '../../api/types';
import type { ApiError } from '../../api/problem';
import { asApiError } from '../../api/problem';
import { Copyable, ProblemView } from '../../components/ui';
import { formatBytes, formatTime } from '../../lib/format';
import { api } from '../../session';

type Upload = { state: 'idle' } | { state: 'uploading'; file: string; fraction: number } | { state: 'failed'; error: ApiError } | { state: 'done'; version: VersionView };

/** Drop a .wasm (or pick one); the upload shows its progress, then what was deployed or every reason it was refused. */
export function DeployTab({ fn, onDeployed }: { fn: FunctionView; onDeployed: () => void }) {
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const deploy = async (file: File) => {
    setUpload({ state: 'uploading', file: file.name, fraction: 0 });
    try {
      const version = await api.deployVersion(fn.name, file, file.name, (fraction) => setUpload({ state: 'uploading', file: file.name, fraction }));
      setUpload({ state: 'done', version });
      onDeployed();
    } catch (error) {
      setUpload({ state: 'failed', error: asApiError(error, 'Deploy failed') });
    } finally {
      if (input.current !== null) input.current.value = '';
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) void deploy(file);
  };

  return (
    <div class="stack">
      <div
        class={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          <strong>Drop a WebAssembly module here</strong> to deploy it as the next version of <code>{fn.name}</code>.
        </p>
        <label for="module-file" class="button secondary">
          Choose a .wasm file
        </label>
        <input
          id="module-file"
          ref={input}
          class="visually-hidden-file"
          type="file"
          accept=".wasm,application/wasm"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file !== undefined) void deploy(file);
          }}
        />
        <p class="hint">Olin or WASI modules; it is checked (imports, memory, compiles) before it goes live.</p>
      </div>
      {upload.state === 'uploading' && (
        <div role="status">
          <label for="upload-progress">Uploading {upload.file}</label>
          <progress id="upload-progress" max={1} value={upload.fraction} />
        </div>
      )}
      {upload.state === 'failed' && <ProblemView error={upload.error} />}
      {upload.state === 'done' && <Deployed version={upload.version} />}
    </div>
  );
}

function Deployed({ version }: { version: VersionView }) {
  return (
    <div class="card success" role="status">
      <h3>Version {version.number} is live</h3>
      <dl class="facts">
        <dt>ABI</dt>
        <dd>{version.abi}</dd>
        <dt>Entrypoint</dt>
        <dd>
          <code>{version.entrypoint}</code>
        </dd>
        <dt>Imports</dt>
        <dd>
          {version.imports.length === 0 ? (
            'none'
          ) : (
            <ul class="chips" aria-label="Imports" data-testid="deployed-imports">
              {version.imports.map((imported) => (
                <li key={imported}>{imported}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Size</dt>
        <dd>{formatBytes(version.sizeBytes)}</dd>
        <dt>SHA-256</dt>
        <dd>
          <Copyable text={version.sha256} label="Copy the SHA-256" />
        </dd>
        <dt>Deployed</dt>
        <dd>{formatTime(version.createdAt)}</dd>
      </dl>
    </div>
  );
}
