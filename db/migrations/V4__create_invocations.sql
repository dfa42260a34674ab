-- Written by executors (in batches), read by the api-server. Pruned after a retention period.
CREATE TABLE invocations (
  id                  uuid PRIMARY KEY,
  function_id         bigint NOT NULL REFERENCES functions (id) ON DELETE CASCADE,
  version_id          bigint REFERENCES function_versions (id) ON DELETE SET NULL,
  source              text NOT NULL CHECK (source IN ('run', 'api')),
  started_at          timestamptz NOT NULL,
  wall_time_us        bigint NOT NULL,
  cpu_time_us         bigint NOT NULL,
  http_status         integer NOT NULL,
  outcome             text NOT NULL,
  exit_code           integer,
  bytes_in            bigint NOT NULL,
  bytes_out           bigint NOT NULL,
  peak_memory_pages   integer NOT NULL,
  host_calls          jsonb NOT NULL DEFAULT '{}',
  stderr              text NOT NULL DEFAULT '',
  log_lines           jsonb NOT NULL DEFAULT '[]',
  trap_message        text
);
CREATE INDEX invocations_function_started_idx ON invocations (function_id, started_at DESC);
CREATE INDEX invocations_started_idx ON invocations (started_at);
