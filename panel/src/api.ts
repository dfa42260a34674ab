// The panel's only door to the Wasmcloud API. Every call checks `response.ok` and turns a failure into an
// ApiError carrying the server's ProblemDetail (RFC 9457), so the page can always say what went wrong.

export interface WhoAmI {
  login: string;
  role: string;
  status: string;
}

export interface FunctionSummary {
  name: string;
  description: string | null;
  visibility: string;
  activeVersion: number | null;
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeployedVersion {
  function: string;
  number: number;
  sha256: string;
  sizeBytes: number;
  abi: string;
  entrypoint: string;
  createdAt: string;
  url: string;
}

/** A failed API call, as much of the server's ProblemDetail as it sent. `status` is 0 when no reply came. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly string[];

  constructor(status: number, title: string, detail: string, errors: readonly string[] = []) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }
}

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the API; empty for the page's own origin. */
  baseUrl: string;
  token: string;
  /** Injected in tests; defaults to the browser's fetch. */
  fetch?: FetchFunction;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly token: string;
  private readonly fetchFunction: FetchFunction;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.token = options.token;
    this.fetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  whoami(): Promise<WhoAmI> {
    return this.request<WhoAmI>('GET', '/api/whoami');
  }

  listFunctions(): Promise<FunctionSummary[]> {
    return this.request<FunctionSummary[]>('GET', '/api/functions');
  }

  /** Uploads a module as the function's new active version, creating the function when it does not exist. */
  deployVersion(functionName: string, module: Blob, fileName: string): Promise<DeployedVersion> {
    const form = new FormData();
    form.append('module', module, fileName);
    const path = `/api/functions/${encodeURIComponent(functionName)}/versions?create=true`;
    return this.request<DeployedVersion>('POST', path, form);
  }

  private async request<T>(method: string, path: string, body?: FormData): Promise<T> {
    const url = this.baseUrl + path;
    // The browser writes the multipart Content-Type (with its boundary) itself when the body is FormData.
    const init: RequestInit = {
      method,
      headers: { Accept: 'application/json', Authorization: `Bearer ${this.token}` },
    };
    if (body !== undefined) {
      init.body = body;
    }
    let response: Response;
    try {
      response = await this.fetchFunction(url, init);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new ApiError(0, 'API unreachable', `Could not reach the API at ${this.baseUrl || 'this site'}: ${reason}`);
    }
    if (!response.ok) {
      throw await problemFrom(response);
    }
    return (await response.json()) as T;
  }
}

/** Reads a failed response as a ProblemDetail; a body that is not one still gives a readable error. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const fallbackTitle = response.statusText || `HTTP ${response.status}`;
  const text = await response.text().catch(() => '');
  let problem: unknown;
  try {
    problem = JSON.parse(text);
  } catch {
    return new ApiError(response.status, fallbackTitle, text.trim().slice(0, 500) || `The API answered ${response.status}.`);
  }
  if (!isRecord(problem)) {
    return new ApiError(response.status, fallbackTitle, `The API answered ${response.status}.`);
  }
  const title = typeof problem.title === 'string' ? problem.title : fallbackTitle;
  const detail = typeof problem.detail === 'string' ? problem.detail : '';
  const errors = Array.isArray(problem.errors) ? problem.errors.map(describeError) : [];
  return new ApiError(response.status, title, detail, errors);
}

// The API's `errors` are usually strings; a field error object is shown as "field: message".
function describeError(error: unknown): string {
  if (typeof error === 'string') {
    return error;
  }
  if (isRecord(error)) {
    const message = error.message ?? error.detail ?? error.defaultMessage;
    if (typeof message === 'string') {
      return typeof error.field === 'string' ? `${error.field}: ${message}` : message;
    }
  }
  return JSON.stringify(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
