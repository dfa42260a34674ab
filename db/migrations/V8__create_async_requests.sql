-- Background invocations (Prefer: respond-async): each request is stored here before its 202 is sent, and a
-- worker claims it with FOR UPDATE SKIP LOCKED, runs it through an executor and retries it until it succeeds or
-- its attempts run out (state 'dead_lettered'). A claim is a lease: a running request's next_attempt_at is when
-- it runs out, and when the worker that holds it dies another worker takes the request then, so an accepted
-- request is never lost. An attempt lost that way is counted in lost_attempts and does not use up the budget.
CREATE TABLE async_requests (
  id                  uuid PRIMARY KEY,
  function_id         bigint NOT NULL REFERENCES functions (id) ON DELETE CASCADE,
  source              text NOT NULL CHECK (source IN ('async', 'schedule')),
  method              text NOT NULL,
  path                text NOT NULL,
  headers             jsonb NOT NULL DEFAULT '{}',
  body                bytea NOT NULL,
  callback_url        text,
  state               text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'dead_lettered')),
  attempts            integer NOT NULL DEFAULT 0,
  max_attempts        integer NOT NULL CHECK (max_attempts >= 1),
  next_attempt_at     timestamptz NOT NULL,
  last_invocation_id  uuid,
  last_status         integer,
  last_error          text,
  lost_attempts       integer NOT NULL DEFAULT 0,
  response_headers    jsonb,
  response_body       bytea,
  callback_result     text,
  finished_at         timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX async_requests_due_idx ON async_requests (next_attempt_at) WHERE state IN ('queued', 'running');
CREATE INDEX async_requests_function_state_idx ON async_requests (function_id, state, created_at DESC);
CREATE INDEX async_requests_finished_idx ON async_requests (finished_at) WHERE finished_at IS NOT NULL;
CREATE TRIGGER async_requests_set_updated_at BEFORE UPDATE ON async_requests
  FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp();

-- How many attempts a background request of this function gets; null is the platform default.
ALTER TABLE functions ADD COLUMN async_max_attempts integer CHECK (async_max_attempts >= 1);

-- Every attempt is an invocation that points at its request. No foreign key: the two are pruned on their own
-- schedules, and an invocation record outlives nothing it needs.
ALTER TABLE invocations ADD COLUMN async_request_id uuid;
ALTER TABLE invocations ADD COLUMN attempt integer;
ALTER TABLE invocations DROP CONSTRAINT invocations_source_check;
ALTER TABLE invocations ADD CONSTRAINT invocations_source_check
  CHECK (source IN ('run', 'api', 'async', 'schedule'));
CREATE INDEX invocations_async_request_idx ON invocations (async_request_id) WHERE async_request_id IS NOT NULL;
