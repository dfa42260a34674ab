-- One row per recording an executor stored in object storage (recordings/<invocation id>): counted per function, and
-- pruned with the invocation records. No foreign key to invocations: the recording may land before the invocation's
-- batched record does.
CREATE TABLE invocation_recordings (
  invocation_id  uuid PRIMARY KEY,
  function_id    bigint NOT NULL REFERENCES functions (id) ON DELETE CASCADE,
  version_id     bigint REFERENCES function_versions (id) ON DELETE SET NULL,
  bytes          integer NOT NULL,
  started_at     timestamptz NOT NULL
);
CREATE INDEX invocation_recordings_function_idx ON invocation_recordings (function_id, started_at DESC);
CREATE INDEX invocation_recordings_started_idx ON invocation_recordings (started_at);
