// The API's records as the panel reads them (see the api-server's controllers and its OpenAPI document).

export type Role = 'admin' | 'user';
export type AccountStatus = 'pending' | 'active' | 'suspended';
export type Visibility = 'public' | 'private';

export interface WhoAmI {
  login: string;
  role: Role;
  status: AccountStatus;
}

export interface FunctionView {
  name: string;
  description: string;
  visibility: Visibility;
  activeVersion: number | null;
  url: string;
  timeoutMs: number | null;
  memoryPages: number | null;
  egressAllowList: string[];
  /** Whether invocations are recorded for replay; absent from an older server. */
  record?: RecordMode;
  createdAt: string;
  updatedAt: string;
}

export type RecordMode = 'off' | 'on' | 'errors';

export interface FunctionChanges {
  description?: string;
  visibility?: Visibility;
  /** null goes back to the platform default. */
  timeoutMs?: number | null;
  memoryPages?: number | null;
  egressAllowList?: string[];
  record?: RecordMode;
}

export interface VersionView {
  function: string;
  number: number;
  sha256: string;
  sizeBytes: number;
  abi: string;
  entrypoint: string;
  /** Every import as `module.name`, in module order. */
  imports: string[];
  createdAt: string;
  url: string;
}

export interface Variable {
  key: string;
  /** null for a secret: secrets are write-only. */
  value: string | null;
  secret: boolean;
  updatedAt: string;
}

export interface InvocationSummary {
  id: string;
  function: string;
  version: number | null;
  source: 'run' | 'api' | 'async' | 'schedule';
  startedAt: string;
  wallTimeUs: number;
  cpuTimeUs: number;
  httpStatus: number;
  outcome: string;
  exitCode: number | null;
  bytesIn: number;
  bytesOut: number;
  peakMemoryPages: number;
  /** The background request this invocation is an attempt of; null for run and api. */
  asyncRequestId: string | null;
  /** Which attempt, from 1; null for run and api. */
  attempt: number | null;
}

export interface InvocationDetail extends InvocationSummary {
  hostCalls: Record<string, number>;
  stderr: string;
  logLines: unknown[];
  trapMessage: string | null;
}

export interface InvocationFilter {
  outcome?: string;
  /** One HTTP status (404) or a class of them (5xx). */
  status?: string;
  /** An age such as 15m, 2h, 7d, or an instant. */
  since?: string;
  limit?: number;
}

export interface TokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  id: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
  token: string;
}

export type Tier = 'examples' | 'free' | 'full';

export const TIERS: readonly Tier[] = ['examples', 'free', 'full'];

/** An account's quotas (null: no limit), or one user's overrides of them (null: follows the tier). */
export interface Quotas {
  functions: number | null;
  invocationsPerDay: number | null;
  cpuSecondsPerDay: number | null;
  requestsPerSecond: number | null;
}

export interface UserView {
  login: string;
  giteaId: number | null;
  role: Role;
  status: AccountStatus;
  tier: Tier;
  quotaOverrides: Quotas | null;
  /** The application waiting in the admins' queue, if any. */
  application: { reason: string; appliedAt: string } | null;
  createdAt: string;
}

export interface ApplicationView {
  state: 'pending' | 'approved' | 'declined';
  reason: string;
  tier: Tier | null;
  message: string | null;
  appliedAt: string;
  decidedAt: string | null;
}

export interface AccountView {
  login: string;
  role: Role;
  status: AccountStatus;
  tier: Tier;
  quotas: Quotas;
  quotaOverrides: Quotas;
  application: ApplicationView | null;
  examples: { path: string; sha256: string }[];
}

export interface DailyUsage {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  invocations: number;
  cpuTimeUs: number;
  bytesIn: number;
  bytesOut: number;
  outboundRequests: number;
  refused: number;
}

export interface UsageView {
  login: string;
  since: string;
  days: DailyUsage[];
}

export type MetricsRange = '1h' | '24h' | '7d';

/** One time bucket: counts by outcome class and latency percentiles (null when the bucket had no invocation). */
export interface MetricsPoint {
  at: string;
  ok: number;
  failed: number;
  refused: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface FunctionMetrics {
  range: MetricsRange;
  bucketSeconds: number;
  from: string;
  to: string;
  points: MetricsPoint[];
}

/** The functions list's columns: the last 24 hours of one function. */
export interface FunctionActivity {
  name: string;
  invocations: number;
  errorRate: number | null;
  p95Ms: number | null;
  lastInvokedAt: string | null;
}

/** What the invoke console shows of a reply. */
export interface InvokeReply {
  status: number;
  headers: [string, string][];
  contentType: string;
  body: Uint8Array;
  durationMs: number;
  invocationId: string | null;
}

export interface InvokeRequest {
  method: string;
  path: string;
  headers: [string, string][];
  body: Blob | string | null;
}

export interface LoginOptions {
  devLogin: boolean;
  gitea: boolean;
}

/** The operator's ceilings on a function's settings. */
export interface FunctionLimits {
  maxTimeoutMs: number;
  maxMemoryPages: number;
  defaultMemoryPages: number;
  maxEgressHosts: number;
}

/** One host call of a recording, as GET /api/invocations/{id}/recording/trace gives it. */
export interface RecordedHostCall {
  index: number;
  name: string;
  args: number[];
  /** null when the call did not return (an exit, or a trap in the host). */
  results: number[] | null;
  /** The first 64 bytes the call handed the guest from the world, as hex; null when it handed none. */
  bytesHex: string | null;
  bytesLength: number;
  atMicros: number;
}

/** An invocation's recording: the request, the host-call timeline, how it ended, and how to replay it. */
export interface RecordingTrace {
  invocationId: string;
  function: string;
  version: number;
  entrypoint: string | null;
  formatVersion: number;
  request: { method: string; path: string; query: string; headers: { name: string; value: string }[] };
  env: { name: string; value: string; secret: boolean }[];
  stdinBytes: number;
  stdinCut: boolean;
  hostCallsTotal: number;
  hostCallsCut: boolean;
  hostCalls: RecordedHostCall[];
  ending: { outcome: string; exitCode: number; trapMessage: string | null; stdoutSha256: string };
  replayCommand: string;
}

/** A cron schedule of a function, as the API shows it. */
export interface ScheduleView {
  id: string;
  function: string;
  cron: string;
  timeZone: string;
  method: string;
  path: string;
  headers: Record<string, string[]>;
  body: string;
  paused: boolean;
  /** The next five slots; empty while paused. */
  nextFireTimes: string[];
  lastSlot: string | null;
  lastFiredAt: string | null;
  firedSlots: number;
  /** Slots that did not fire: found too late (everything was down) or with the queue full. */
  skippedSlots: number;
  createdAt: string;
  updatedAt: string;
}

/** What a new schedule runs, or the fields of one to change. */
export interface ScheduleDefinition {
  cron?: string;
  timeZone?: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A background request whose every attempt failed. */
export interface DeadLetter {
  id: string;
  source: 'async' | 'schedule';
  scheduleId: string | null;
  method: string;
  path: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastInvocationId: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** A background request's status, with every attempt's invocation. */
export interface AsyncStatus {
  id: string;
  function: string;
  source: 'async' | 'schedule';
  state: 'queued' | 'running' | 'succeeded' | 'dead_lettered';
  attempts: number;
  maxAttempts: number;
  lostAttempts: number;
  lastError: string | null;
  statusUrl: string;
  invocations: { invocationId: string; attempt: number; startedAt: string; httpStatus: number; outcome: string }[];
}
