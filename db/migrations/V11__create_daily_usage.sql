-- Metered usage per user and UTC day, rolled up from the invocation records by the api-server and kept after the
-- records are pruned. Refusals (throttled, overloaded, unavailable, quota_exceeded) are not counted.
CREATE TABLE daily_usage (
  user_id            bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day                date NOT NULL,
  invocations        bigint NOT NULL DEFAULT 0,
  cpu_time_us        bigint NOT NULL DEFAULT 0,
  bytes_in           bigint NOT NULL DEFAULT 0,
  bytes_out          bigint NOT NULL DEFAULT 0,
  outbound_requests  bigint NOT NULL DEFAULT 0,
  refused            bigint NOT NULL DEFAULT 0,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, day)
);
CREATE TRIGGER daily_usage_set_updated_at BEFORE UPDATE ON daily_usage
  FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp();
-- The rollup reads a day's records of every function at once.
CREATE INDEX invocations_started_function_idx ON invocations (started_at, function_id);
