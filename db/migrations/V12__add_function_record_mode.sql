-- Whether the executors record this function's invocations for replay: 'off', 'on' (every invocation) or 'errors'
-- (kept only when the invocation failed). Off by default: a recording holds request bodies and headers.
ALTER TABLE functions ADD COLUMN record text NOT NULL DEFAULT 'off' CHECK (record IN ('off', 'on', 'errors'));
