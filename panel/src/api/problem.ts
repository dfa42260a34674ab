// A failed API call as the page shows it: the server's ProblemDetail (RFC 9457), or a readable stand-in.

/** `status` is 0 when no reply came at all. */
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

/** Anything thrown, as an ApiError the views know how to show. */
export function asApiError(error: unknown, title = 'Something went wrong'): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  return new ApiError(0, title, error instanceof Error ? error.message : String(error));
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
