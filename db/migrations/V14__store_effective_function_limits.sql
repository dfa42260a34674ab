-- The limits each function runs with: its owner's setting, else the api-server's default. The api-server writes
-- them (on create, on every change, and at start for rows whose default it has changed); executors read them as
-- they are, so no executor keeps a default that must equal the api-server's. Existing rows get the defaults that
-- shipped until now, 10 s and 256 pages; an api-server with other defaults rewrites them when it starts.
ALTER TABLE functions
    ADD COLUMN effective_timeout_ms integer,
    ADD COLUMN effective_memory_pages integer;

UPDATE functions
   SET effective_timeout_ms = COALESCE(timeout_ms, 10000),
       effective_memory_pages = COALESCE(memory_pages, 256);

ALTER TABLE functions
    ALTER COLUMN effective_timeout_ms SET NOT NULL,
    ALTER COLUMN effective_memory_pages SET NOT NULL,
    ADD CONSTRAINT functions_effective_timeout_ms_positive CHECK (effective_timeout_ms > 0),
    ADD CONSTRAINT functions_effective_memory_pages_positive CHECK (effective_memory_pages > 0);
