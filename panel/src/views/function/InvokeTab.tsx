import { useEffect, useState } from 'preact/hooks';
import type { FunctionView, InvokeReply } from '../../api/types';
import { CopyButton, ProblemView, useAction } from '../../components/ui';
import { formatBytes, formatMillis, parseHeaderLines, viewBody } from '../../lib/format';
import { functionHref } from '../../lib/route';
import { api } from '../../session';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** Builds a request, runs it through the API (private functions too), and shows exactly what came back. */
export function InvokeTab({ fn }: { fn: FunctionView }) {
  const [method, setMethod] = useState('GET');
  const [path, setPath] = useState('/');
  const [headerText, setHeaderText] = useState('');
  const [bodyKind, setBodyKind] = useState<'text' | 'file'>('text');
  const [bodyText, setBodyText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [reply, setReply] = useState<InvokeReply | null>(null);
  const [invalidHeaders, setInvalidHeaders] = useState<number[]>([]);
  const invoke = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    const { headers, invalid } = parseHeaderLines(headerText);
    setInvalidHeaders(invalid);
    if (invalid.length > 0) return;
    const body = method === 'GET' || method === 'HEAD' ? null : bodyKind === 'file' ? file : bodyText;
    void invoke.run(async () => {
      setReply(null);
      setReply(await api.invoke(fn.name, { method, path: path.startsWith('/') ? path : `/${path}`, headers, body }));
    });
  };

  if (fn.activeVersion === null) {
    return (
      <p>
        Nothing to invoke yet: <a href={functionHref(fn.name, 'deploy')}>deploy a module</a> first.
      </p>
    );
  }
  return (
    <div class="grid">
      <form class="card" onSubmit={submit}>
        <h3>Request</h3>
        <div class="request-line">
          <div>
            <label for="invoke-method">Method</label>
            <select id="invoke-method" value={method} onChange={(event) => setMethod(event.currentTarget.value)}>
              {METHODS.map((each) => (
                <option key={each}>{each}</option>
              ))}
            </select>
          </div>
          <div class="grow">
            <label for="invoke-path">Path</label>
            <input id="invoke-path" spellcheck={false} value={path} onInput={(event) => setPath(event.currentTarget.value)} />
          </div>
        </div>
        <label for="invoke-headers">Headers</label>
        <textarea
          id="invoke-headers"
          rows={3}
          spellcheck={false}
          placeholder="Content-Type: text/plain"
          aria-describedby="invoke-headers-hint"
          aria-invalid={invalidHeaders.length > 0}
          value={headerText}
          onInput={(event) => setHeaderText(event.currentTarget.value)}
        />
        <p id="invoke-headers-hint" class={invalidHeaders.length > 0 ? 'field-error' : 'hint'}>
          {invalidHeaders.length > 0 ? `Line ${invalidHeaders.join(', ')} is not “Name: value”.` : 'One “Name: value” per line.'}
        </p>
        {method !== 'GET' && method !== 'HEAD' && (
          <fieldset>
            <legend>Body</legend>
            <div class="choices-row">
              <label class="choice">
                <input type="radio" name="body-kind" checked={bodyKind === 'text'} onChange={() => setBodyKind('text')} /> Text
              </label>
              <label class="choice">
                <input type="radio" name="body-kind" checked={bodyKind === 'file'} onChange={() => setBodyKind('file')} /> File
              </label>
            </div>
            {bodyKind === 'text' ? (
              <>
                <label for="invoke-body" class="visually-hidden">
                  Body text
                </label>
                <textarea id="invoke-body" rows={5} spellcheck={false} value={bodyText} onInput={(event) => setBodyText(event.currentTarget.value)} />
              </>
            ) : (
              <>
                <label for="invoke-file">Body file</label>
                <input id="invoke-file" type="file" onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
              </>
            )}
          </fieldset>
        )}
        <div class="actions">
          <button type="submit" disabled={invoke.busy}>
            {invoke.busy ? 'Running…' : 'Send'}
          </button>
        </div>
      </form>
      <div class="card" aria-live="polite">
        <h3>Response</h3>
        {invoke.error !== null && <ProblemView error={invoke.error} />}
        {reply === null && invoke.error === null && <p class="hint">Send a request to see the function's reply here.</p>}
        {reply !== null && <Reply fn={fn} reply={reply} />}
      </div>
    </div>
  );
}

function Reply({ fn, reply }: { fn: FunctionView; reply: InvokeReply }) {
  const body = viewBody(reply.contentType, reply.body);
  return (
    <div class="stack">
      <dl class="facts">
        <dt>Status</dt>
        <dd>
          <strong class={reply.status >= 400 ? 'bad-text' : 'ok-text'} data-testid="invoke-status">
            {reply.status}
          </strong>
        </dd>
        <dt>Duration</dt>
        <dd>{formatMillis(reply.durationMs)}</dd>
        {reply.invocationId !== null && (
          <>
            <dt>Invocation</dt>
            <dd>
              <a class="mono" href={functionHref(fn.name, 'invocations', reply.invocationId)}>
                {reply.invocationId}
              </a>{' '}
              <CopyButton text={reply.invocationId} label="Copy the invocation id" />
            </dd>
          </>
        )}
      </dl>
      <details>
        <summary>Headers ({reply.headers.length})</summary>
        <ul class="plain-list mono">
          {reply.headers.map(([name, value]) => (
            <li key={name}>
              {name}: {value}
            </li>
          ))}
        </ul>
      </details>
      <h4>Body{reply.contentType !== '' && <span class="hint"> · {reply.contentType}</span>}</h4>
      {body.kind === 'binary' ? <BinaryBody bytes={reply.body} contentType={reply.contentType} /> : <pre class="output" data-testid="invoke-body">{body.text}</pre>}
    </div>
  );
}

function BinaryBody({ bytes, contentType }: { bytes: Uint8Array; contentType: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([bytes.slice()], { type: contentType || 'application/octet-stream' }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [bytes, contentType]);
  return (
    <p>
      Binary body, {formatBytes(bytes.length)}.{' '}
      {url !== null && (
        <a href={url} download="response.bin">
          Download it
        </a>
      )}
    </p>
  );
}
