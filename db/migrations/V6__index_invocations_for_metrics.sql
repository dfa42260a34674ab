-- The panel's metrics read a function's invocations over a time window, by outcome and wall time. With those two
-- columns in the index, the aggregates are index-only scans and never touch the wide rows (stderr, log lines).
CREATE INDEX invocations_function_started_metrics_idx
  ON invocations (function_id, started_at) INCLUDE (outcome, wall_time_us);
