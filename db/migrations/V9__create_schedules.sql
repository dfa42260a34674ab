-- Schedules: a cron expression in a time zone that makes a background request of its function at every slot. Any
-- api-server may fire a due schedule; it locks the row with FOR UPDATE SKIP LOCKED, and the unique
-- (schedule_id, slot) below makes a second request for one slot impossible even so.
CREATE TABLE schedules (
  id              uuid PRIMARY KEY,
  function_id     bigint NOT NULL REFERENCES functions (id) ON DELETE CASCADE,
  cron            text NOT NULL,
  time_zone       text NOT NULL,
  method          text NOT NULL,
  path            text NOT NULL,
  headers         jsonb NOT NULL DEFAULT '{}',
  body            bytea NOT NULL,
  paused          boolean NOT NULL DEFAULT false,
  next_slot       timestamptz,
  last_slot       timestamptz,
  last_fired_at   timestamptz,
  fired_slots     bigint NOT NULL DEFAULT 0,
  skipped_slots   bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX schedules_function_idx ON schedules (function_id, created_at);
CREATE INDEX schedules_due_idx ON schedules (next_slot) WHERE NOT paused;
CREATE TRIGGER schedules_set_updated_at BEFORE UPDATE ON schedules
  FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp();

ALTER TABLE async_requests ADD COLUMN schedule_id uuid REFERENCES schedules (id) ON DELETE SET NULL;
ALTER TABLE async_requests ADD COLUMN slot timestamptz;
CREATE UNIQUE INDEX async_requests_schedule_slot_idx ON async_requests (schedule_id, slot) WHERE schedule_id IS NOT NULL;
