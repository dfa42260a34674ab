import { describe, expect, it } from 'vitest';
import { ApiClient, readCookie, type FetchFunction, type Uploader } from '../../src/api/client';
import { ApiError } from '../../src/api/problem';

interface RecordedCall {
  url: string;
  init: RequestInit;
}

function stubFetch(response: () => Response): { fetch: FetchFunction; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch: FetchFunction = async (url, init = {}) => {
    calls.push({ url, init });
    return response();
  };
  return { fetch, calls };
}

function json(status: number, body: unknown, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const cookies = () => 'theme=dark; XSRF-TOKEN=abc%2D123; other=1';

describe('ApiClient', () => {
  it('reads with the session cookie and sends no token or CSRF header on a GET', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { login: 'alice', role: 'user', status: 'active' }));
    const who = await new ApiClient({ fetch, cookies }).whoami();

    expect(who.login).toBe('alice');
    expect(calls[0]?.url).toBe('/api/whoami');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    const headers = new Headers(calls[0]?.init.headers);
    expect(headers.get('Authorization')).toBeNull();
    expect(headers.get('X-XSRF-TOKEN')).toBeNull();
  });

  it('echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on every mutation', async () => {
    const { fetch, calls } = stubFetch(() => new Response(null, { status: 204 }));
    const client = new ApiClient({ fetch, cookies });

    await client.deleteFunction('hello');
    await client.revokeToken('t-1');
    await client.signOut();

    expect(calls.map((call) => call.init.method)).toEqual(['DELETE', 'DELETE', 'POST']);
    for (const call of calls) {
      expect(new Headers(call.init.headers).get('X-XSRF-TOKEN')).toBe('abc-123');
    }
  });

  it('sends JSON bodies with their content type and encodes names in paths', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { key: 'A B', value: null, secret: true, updatedAt: '' }));
    await new ApiClient({ fetch, cookies }).setVariable('my-fn', 'A B', 's3cret', true);

    expect(calls[0]?.url).toBe('/api/functions/my-fn/env/A%20B');
    expect(calls[0]?.init.method).toBe('PUT');
    expect(new Headers(calls[0]?.init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ value: 's3cret', secret: true });
  });

  it('builds the invocations query from the filters it is given', async () => {
    const { fetch, calls } = stubFetch(() => json(200, []));
    const client = new ApiClient({ fetch, cookies });
    await client.listInvocations('hello', { outcome: 'trap', status: '5xx', since: '1h', limit: 20 });
    await client.listInvocations('hello', { outcome: '', status: '' });
    await client.listInvocations('hello');

    expect(calls[0]?.url).toBe('/api/functions/hello/invocations?outcome=trap&status=5xx&since=1h&limit=20');
    expect(calls[1]?.url).toBe('/api/functions/hello/invocations');
    expect(calls[2]?.url).toBe('/api/functions/hello/invocations');
  });

  it('turns a ProblemDetail reply into an ApiError with its detail and every reason', async () => {
    const problem = { title: 'Invalid module', status: 422, detail: 'The module cannot run', errors: ['unknown import env.nope'] };
    const { fetch } = stubFetch(() => json(422, problem, 'application/problem+json'));

    const error = await rejection(new ApiClient({ fetch, cookies }).getFunction('x'));

    expect(error.status).toBe(422);
    expect(error.title).toBe('Invalid module');
    expect(error.errors).toEqual(['unknown import env.nope']);
  });

  it('says the API is unreachable when fetch itself fails', async () => {
    const fetch: FetchFunction = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await rejection(new ApiClient({ fetch, cookies }).listFunctions());
    expect(error.status).toBe(0);
    expect(error.detail).toContain('Failed to fetch');
  });

  it('uploads a module with the CSRF header and reports progress', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const upload: Uploader = async (url, form, headers, onProgress) => {
      seen.push({ url, headers });
      expect(form.get('module')).toBeInstanceOf(Blob);
      onProgress(0.5);
      onProgress(1);
      return json(201, { function: 'hello', number: 2 });
    };
    const progress: number[] = [];
    const version = await new ApiClient({ upload, cookies }).deployVersion('hello', new Blob([new Uint8Array([0, 97, 115, 109])]), 'a.wasm', (f) => progress.push(f));

    expect(version.number).toBe(2);
    expect(seen[0]).toEqual({ url: '/api/functions/hello/versions', headers: { 'X-XSRF-TOKEN': 'abc-123' } });
    expect(progress).toEqual([0.5, 1]);
  });

  it('returns a function error reply as a result, but an API refusal as an ApiError', async () => {
    let reply = new Response('boom', { status: 500, headers: { 'Content-Type': 'text/plain', 'X-Wasmcloud-Invocation-Id': 'inv-1' } });
    const fetch: FetchFunction = async () => reply;
    const client = new ApiClient({ fetch, cookies });

    const result = await client.invoke('hello', { method: 'POST', path: '/x', headers: [['X-Test', '1']], body: 'hi' });
    reply = json(409, { title: 'Conflict', detail: 'no version yet' }, 'application/problem+json');
    const refused = await rejection(client.invoke('hello', { method: 'GET', path: '/', headers: [], body: null }));

    expect(result.status).toBe(500);
    expect(new TextDecoder().decode(result.body)).toBe('boom');
    expect(result.invocationId).toBe('inv-1');
    expect(refused.detail).toBe('no version yet');
  });

  it('reads a cookie by exact name', () => {
    expect(readCookie('a=1; XSRF-TOKEN-OLD=2; XSRF-TOKEN=3', 'XSRF-TOKEN')).toBe('3');
    expect(readCookie('', 'XSRF-TOKEN')).toBeNull();
  });
});

describe('ApiClient schedules and dead letters', () => {
  it('creates, pauses, resumes and deletes schedules at their paths, with the CSRF header', async () => {
    const schedule = { id: 's-1', cron: '*/5 * * * *', paused: false, nextFireTimes: [] };
    const { fetch, calls } = stubFetch(() => json(200, schedule));
    const client = new ApiClient({ fetch, cookies });

    await client.createSchedule('hello', { cron: '*/5 * * * *', timeZone: 'Europe/Paris' });
    await client.setSchedulePaused('hello', 's-1', true);
    await client.setSchedulePaused('hello', 's-1', false);
    await client.updateSchedule('hello', 's-1', { path: '/tick' });

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'POST /api/functions/hello/schedules',
      'POST /api/functions/hello/schedules/s-1/pause',
      'POST /api/functions/hello/schedules/s-1/resume',
      'PATCH /api/functions/hello/schedules/s-1',
    ]);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ cron: '*/5 * * * *', timeZone: 'Europe/Paris' });
    for (const call of calls) {
      expect(new Headers(call.init.headers).get('X-XSRF-TOKEN')).toBe('abc-123');
    }
  });

  it('turns a refused schedule into the server problem, never a silent success', async () => {
    const problem = { title: 'Bad request', status: 400, detail: "Unknown time zone 'Mars/Olympus': give an IANA name." };
    const { fetch } = stubFetch(() => json(400, problem, 'application/problem+json'));

    const error = await rejection(new ApiClient({ fetch, cookies }).createSchedule('hello', { cron: '* * * * *', timeZone: 'Mars/Olympus' }));

    expect(error.status).toBe(400);
    expect(error.detail).toContain('Unknown time zone');
  });

  it('lists, retries and discards dead letters, and reports a queue that is full', async () => {
    let answer = json(200, []);
    const { fetch, calls } = stubFetch(() => answer);
    const client = new ApiClient({ fetch, cookies });

    await client.listDeadLetters('hello');
    answer = new Response(null, { status: 204 });
    await client.discardDeadLetter('hello', 'd-1');
    answer = json(429, { title: 'Too many requests', status: 429, detail: 'The queue is full; retry later.' }, 'application/problem+json');
    const full = await rejection(client.retryDeadLetter('hello', 'd-1'));

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'GET /api/functions/hello/dead-letters',
      'DELETE /api/functions/hello/dead-letters/d-1',
      'POST /api/functions/hello/dead-letters/d-1/retry',
    ]);
    expect(full.status).toBe(429);
  });
});
