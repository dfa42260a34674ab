import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError, type FetchFunction } from '../../src/api';

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

describe('ApiClient', () => {
  it('sends the bearer token to whoami and returns the parsed body', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { login: 'alice', role: 'user', status: 'active' }));
    const client = new ApiClient({ baseUrl: 'http://localhost:8080/', token: 'secret-token', fetch });

    const who = await client.whoami();

    expect(who).toEqual({ login: 'alice', role: 'user', status: 'active' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://localhost:8080/api/whoami');
    expect(calls[0]?.init.method).toBe('GET');
    expect(new Headers(calls[0]?.init.headers).get('Authorization')).toBe('Bearer secret-token');
  });

  it('uses the page origin when the base URL is empty', async () => {
    const { fetch, calls } = stubFetch(() => json(200, []));
    await new ApiClient({ baseUrl: '', token: 't', fetch }).listFunctions();
    expect(calls[0]?.url).toBe('/api/functions');
  });

  it('turns a ProblemDetail reply into an ApiError with its detail and every error', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'The module imports functions Wasmcloud does not provide.',
      errors: ['env.socket_open is not a known import', { field: 'module', message: 'must not be empty' }],
    };
    const { fetch } = stubFetch(() => json(422, problem, 'application/problem+json'));
    const client = new ApiClient({ baseUrl: '', token: 't', fetch });

    const error = await rejection(client.deployVersion('hello', new Blob([]), 'hello.wasm'));

    expect(error.status).toBe(422);
    expect(error.title).toBe('Unprocessable Entity');
    expect(error.detail).toBe('The module imports functions Wasmcloud does not provide.');
    expect(error.errors).toEqual(['env.socket_open is not a known import', 'module: must not be empty']);
  });

  it('never treats a non-ok reply as data, even when its body is a JSON array', async () => {
    const { fetch } = stubFetch(() => json(500, []));
    const error = await rejection(new ApiClient({ baseUrl: '', token: 't', fetch }).listFunctions());
    expect(error.status).toBe(500);
    expect(error.errors).toEqual([]);
  });

  it('reports a non-JSON error body as the detail', async () => {
    const { fetch } = stubFetch(() => new Response('Bad gateway from nginx', { status: 502, statusText: 'Bad Gateway' }));
    const error = await rejection(new ApiClient({ baseUrl: '', token: 't', fetch }).whoami());
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
    expect(error.detail).toBe('Bad gateway from nginx');
  });

  it('reports an unreachable API with status 0 and the base URL', async () => {
    const fetch: FetchFunction = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await rejection(new ApiClient({ baseUrl: 'http://localhost:8080', token: 't', fetch }).whoami());
    expect(error.status).toBe(0);
    expect(error.detail).toContain('http://localhost:8080');
    expect(error.detail).toContain('Failed to fetch');
  });

  it('deploys a module as a multipart part named "module" with create=true', async () => {
    const deployed = {
      function: 'hello world',
      number: 1,
      sha256: 'ab'.repeat(32),
      sizeBytes: 8,
      abi: 'olin',
      entrypoint: '_start',
      createdAt: '2025-01-01T00:00:00Z',
      url: 'http://localhost:8081/hello',
    };
    const { fetch, calls } = stubFetch(() => json(201, deployed));
    const module = new Blob([new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])], { type: 'application/wasm' });

    const version = await new ApiClient({ baseUrl: 'http://api', token: 't', fetch }).deployVersion('hello world', module, 'hello.wasm');

    expect(version).toEqual(deployed);
    const { url, init } = calls[0]!;
    expect(url).toBe('http://api/api/functions/hello%20world/versions?create=true');
    expect(init.method).toBe('POST');
    // The browser must set the multipart Content-Type itself, boundary included.
    expect(new Headers(init.headers).has('Content-Type')).toBe(false);
    expect(init.body).toBeInstanceOf(FormData);
    const part = (init.body as FormData).get('module');
    expect(part).toBeInstanceOf(File);
    expect((part as File).name).toBe('hello.wasm');
    expect(new Uint8Array(await (part as File).arrayBuffer())).toEqual(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  });
});
