// The panel's only door to the Wasmcloud API. The browser's session cookie (HttpOnly, set by the sign-in) proves who
// is calling, so the panel never holds a token; every state-changing call echoes the XSRF-TOKEN cookie in the
// X-XSRF-TOKEN header, as the API requires of cookie sessions. Every reply is checked: a failure becomes an ApiError
// carrying the server's ProblemDetail.

import { ApiError, problemFrom } from './problem';
import type {
  AsyncStatus,
  AccountView,
  ApplicationView,
  CreatedToken,
  DeadLetter,
  FunctionActivity,
  FunctionChanges,
  FunctionLimits,
  FunctionMetrics,
  FunctionView,
  InvocationDetail,
  InvocationFilter,
  InvocationSummary,
  InvokeReply,
  InvokeRequest,
  LoginOptions,
  MetricsRange,
  Quotas,
  RecordingTrace,
  ScheduleDefinition,
  ScheduleView,
  Tier,
  TokenView,
  UsageView,
  UserView,
  Variable,
  VersionView,
  Visibility,
  WhoAmI,
} from './types';

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

/** Sends a multipart upload and reports its progress; XMLHttpRequest in the browser, since fetch has no upload events. */
export type Uploader = (url: string, form: FormData, headers: Record<string, string>, onProgress: (fraction: number) => void) => Promise<Response>;

export interface ApiClientOptions {
  fetch?: FetchFunction;
  upload?: Uploader;
  /** Reads `document.cookie`; injected in tests. */
  cookies?: () => string;
}

const XSRF_COOKIE = 'XSRF-TOKEN';
const XSRF_HEADER = 'X-XSRF-TOKEN';
const INVOCATION_ID = 'x-wasmcloud-invocation-id';

export class ApiClient {
  private readonly fetchFunction: FetchFunction;
  private readonly uploader: Uploader;
  private readonly cookies: () => string;

  constructor(options: ApiClientOptions = {}) {
    this.fetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.uploader = options.upload ?? xhrUpload;
    this.cookies = options.cookies ?? (() => document.cookie);
  }

  loginOptions(): Promise<LoginOptions> {
    return this.json('GET', '/api/login-options');
  }

  whoami(): Promise<WhoAmI> {
    return this.json('GET', '/api/whoami');
  }

  /** Dev mode only: starts a browser session as the local admin. */
  async devSignIn(): Promise<void> {
    await this.send('POST', '/api/dev/session');
  }

  async signOut(): Promise<void> {
    await this.send('POST', '/api/logout');
  }

  listFunctions(): Promise<FunctionView[]> {
    return this.json('GET', '/api/functions');
  }

  getFunction(name: string): Promise<FunctionView> {
    return this.json('GET', functionPath(name));
  }

  createFunction(name: string, description: string, visibility: Visibility): Promise<FunctionView> {
    return this.json('POST', '/api/functions', { name, description, visibility });
  }

  updateFunction(name: string, changes: FunctionChanges): Promise<FunctionView> {
    return this.json('PATCH', functionPath(name), changes);
  }

  async deleteFunction(name: string): Promise<void> {
    await this.send('DELETE', functionPath(name));
  }

  limits(): Promise<FunctionLimits> {
    return this.json('GET', '/api/limits');
  }

  listVersions(name: string): Promise<VersionView[]> {
    return this.json('GET', `${functionPath(name)}/versions`);
  }

  activateVersion(name: string, number: number): Promise<VersionView> {
    return this.json('POST', `${functionPath(name)}/versions/${number}/activate`);
  }

  /** Uploads a module as the function's new active version. */
  async deployVersion(name: string, module: Blob, fileName: string, onProgress: (fraction: number) => void): Promise<VersionView> {
    const form = new FormData();
    form.append('module', module, fileName);
    const response = await this.uploader(`${functionPath(name)}/versions`, form, this.mutationHeaders(), onProgress).catch(unreachable);
    if (!response.ok) {
      throw await problemFrom(response);
    }
    return (await response.json()) as VersionView;
  }

  listVariables(name: string): Promise<Variable[]> {
    return this.json('GET', `${functionPath(name)}/env`);
  }

  setVariable(name: string, key: string, value: string, secret: boolean): Promise<Variable> {
    return this.json('PUT', `${functionPath(name)}/env/${encodeURIComponent(key)}`, { value, secret });
  }

  async deleteVariable(name: string, key: string): Promise<void> {
    await this.send('DELETE', `${functionPath(name)}/env/${encodeURIComponent(key)}`);
  }

  listInvocations(name: string, filter: InvocationFilter = {}): Promise<InvocationSummary[]> {
    const query = new URLSearchParams();
    if (filter.outcome) query.set('outcome', filter.outcome);
    if (filter.status) query.set('status', filter.status);
    if (filter.since) query.set('since', filter.since);
    if (filter.limit !== undefined) query.set('limit', String(filter.limit));
    const suffix = query.size > 0 ? `?${query.toString()}` : '';
    return this.json('GET', `${functionPath(name)}/invocations${suffix}`);
  }

  getInvocation(id: string): Promise<InvocationDetail> {
    return this.json('GET', `/api/invocations/${encodeURIComponent(id)}`);
  }

  /** The invocation's recording as a host-call timeline; null when it was not recorded (the API answers 404). */
  async getRecordingTrace(id: string): Promise<RecordingTrace | null> {
    const response = await this.fetchFunction(`/api/invocations/${encodeURIComponent(id)}/recording/trace`, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
    }).catch(unreachable);
    if (response.status === 404) {
      return null;
    }
    if (!response.ok) {
      throw await problemFrom(response);
    }
    return (await response.json()) as RecordingTrace;
  }

  /** The SSE stream of a function's new invocation records; same origin, so the session cookie goes with it. */
  logStreamUrl(name: string): string {
    return `${functionPath(name)}/logs/stream`;
  }

  metrics(name: string, range: MetricsRange): Promise<FunctionMetrics> {
    return this.json('GET', `${functionPath(name)}/metrics?range=${range}`);
  }

  activity(): Promise<FunctionActivity[]> {
    return this.json('GET', '/api/metrics/functions');
  }

  /** Runs the function with the request the console built; any status the function answers is a result, not an error. */
  async invoke(name: string, request: InvokeRequest): Promise<InvokeReply> {
    const headers = new Headers(this.mutationHeaders());
    for (const [header, value] of request.headers) {
      headers.append(header, value);
    }
    headers.set('X-Wasmcloud-Method', request.method);
    headers.set('X-Wasmcloud-Path', request.path);
    const started = performance.now();
    const response = await this.fetchFunction(`${functionPath(name)}/invoke`, {
      method: 'POST',
      headers,
      body: request.body,
      credentials: 'same-origin',
    }).catch(unreachable);
    // The API's own refusals (no version, not yours, executor down) are ProblemDetails; the function's replies are not.
    if (!response.ok && response.headers.get('content-type')?.startsWith('application/problem+json')) {
      throw await problemFrom(response);
    }
    const body = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      headers: [...response.headers.entries()],
      contentType: response.headers.get('content-type') ?? '',
      body,
      durationMs: performance.now() - started,
      invocationId: response.headers.get(INVOCATION_ID),
    };
  }

  listSchedules(name: string): Promise<ScheduleView[]> {
    return this.json('GET', `${functionPath(name)}/schedules`);
  }

  createSchedule(name: string, definition: ScheduleDefinition): Promise<ScheduleView> {
    return this.json('POST', `${functionPath(name)}/schedules`, definition);
  }

  updateSchedule(name: string, id: string, changes: ScheduleDefinition): Promise<ScheduleView> {
    return this.json('PATCH', schedulePath(name, id), changes);
  }

  /** Pauses (`pause`) or resumes (`resume`) a schedule. */
  setSchedulePaused(name: string, id: string, paused: boolean): Promise<ScheduleView> {
    return this.json('POST', `${schedulePath(name, id)}/${paused ? 'pause' : 'resume'}`);
  }

  async deleteSchedule(name: string, id: string): Promise<void> {
    await this.send('DELETE', schedulePath(name, id));
  }

  listDeadLetters(name: string): Promise<DeadLetter[]> {
    return this.json('GET', `${functionPath(name)}/dead-letters`);
  }

  getDeadLetter(name: string, id: string): Promise<AsyncStatus> {
    return this.json('GET', deadLetterPath(name, id));
  }

  /** Sends it back to the queue; the API answers 202 with its status. */
  retryDeadLetter(name: string, id: string): Promise<AsyncStatus> {
    return this.json('POST', `${deadLetterPath(name, id)}/retry`);
  }

  async discardDeadLetter(name: string, id: string): Promise<void> {
    await this.send('DELETE', deadLetterPath(name, id));
  }

  listTokens(): Promise<TokenView[]> {
    return this.json('GET', '/api/tokens');
  }

  createToken(name: string, scopes: string[], expiresInDays: number | null): Promise<CreatedToken> {
    return this.json('POST', '/api/tokens', { name, scopes, expiresInDays });
  }

  async revokeToken(id: string): Promise<void> {
    await this.send('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
  }

  listUsers(): Promise<UserView[]> {
    return this.json('GET', '/api/admin/users');
  }

  /** Approves a signup or an application into `tier` (the server's default when none), or lifts a suspension. */
  approveUser(login: string, tier?: Tier): Promise<UserView> {
    const query = tier === undefined ? '' : `?tier=${encodeURIComponent(tier)}`;
    return this.json('POST', `/api/admin/users/${encodeURIComponent(login)}/approve${query}`);
  }

  declineApplication(login: string, message: string): Promise<UserView> {
    return this.json('POST', `/api/admin/users/${encodeURIComponent(login)}/decline`, { message });
  }

  /** Replaces the user's quota overrides; a null field follows their tier. */
  overrideQuotas(login: string, quotas: Quotas): Promise<UserView> {
    return this.json('PUT', `/api/admin/users/${encodeURIComponent(login)}/quotas`, quotas);
  }

  account(): Promise<AccountView> {
    return this.json('GET', '/api/account');
  }

  applyForTier(reason: string): Promise<ApplicationView> {
    return this.json('POST', '/api/account/application', { reason });
  }

  /** Metered usage per UTC day from `since` (YYYY-MM-DD; the server's 30 days when absent). */
  usage(since?: string): Promise<UsageView> {
    const query = since === undefined ? '' : `?since=${encodeURIComponent(since)}`;
    return this.json('GET', `/api/account/usage${query}`);
  }

  suspendUser(login: string): Promise<UserView> {
    return this.json('POST', `/api/admin/users/${encodeURIComponent(login)}/suspend`);
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    return (await response.json()) as T;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') {
      Object.assign(headers, this.mutationHeaders());
    }
    const init: RequestInit = { method, headers, credentials: 'same-origin' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await this.fetchFunction(path, init).catch(unreachable);
    if (!response.ok) {
      throw await problemFrom(response);
    }
    return response;
  }

  private mutationHeaders(): Record<string, string> {
    const xsrf = readCookie(this.cookies(), XSRF_COOKIE);
    return xsrf === null ? {} : { [XSRF_HEADER]: xsrf };
  }
}

export function readCookie(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

function functionPath(name: string): string {
  return `/api/functions/${encodeURIComponent(name)}`;
}

function schedulePath(name: string, id: string): string {
  return `${functionPath(name)}/schedules/${encodeURIComponent(id)}`;
}

function deadLetterPath(name: string, id: string): string {
  return `${functionPath(name)}/dead-letters/${encodeURIComponent(id)}`;
}

function unreachable(cause: unknown): never {
  const reason = cause instanceof Error ? cause.message : String(cause);
  throw new ApiError(0, 'API unreachable', `Could not reach the API: ${reason}`);
}

const xhrUpload: Uploader = (url, form, headers, onProgress) =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    for (const [header, value] of Object.entries(headers)) {
      request.setRequestHeader(header, value);
    }
    request.setRequestHeader('Accept', 'application/json');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('load', () => {
      const responseHeaders = new Headers();
      for (const line of request.getAllResponseHeaders().trim().split(/[\r\n]+/)) {
        const at = line.indexOf(':');
        if (at > 0) {
          responseHeaders.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
      }
      resolve(new Response(request.responseText, { status: request.status, headers: responseHeaders }));
    });
    request.addEventListener('error', () => reject(new Error('the upload was interrupted')));
    request.send(form);
  });
