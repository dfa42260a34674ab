-- What the executors share to enforce the daily quotas without a database round trip per request: each adds what it
-- ran since its last sync and reads back the totals, every wasmcloud.quotas.sync-interval.
CREATE TABLE quota_counters (
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  day          date NOT NULL,
  invocations  bigint NOT NULL DEFAULT 0,
  cpu_time_us  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, day)
);
-- Each live executor's heartbeat, so a per-second rate can be split between the executors that are running.
CREATE TABLE quota_executors (
  executor_id  uuid PRIMARY KEY,
  seen_at      timestamptz NOT NULL
);
