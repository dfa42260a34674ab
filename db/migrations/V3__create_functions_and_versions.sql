CREATE TABLE functions (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name               text NOT NULL,
  owner_id           bigint NOT NULL REFERENCES users (id),
  description        text NOT NULL DEFAULT '',
  visibility         text NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
  active_version_id  bigint,
  timeout_ms         integer,
  memory_pages       integer,
  egress_allow_list  text[] NOT NULL DEFAULT '{}',
  deleted_at         timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT functions_name_is_dns_label CHECK (name ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$' AND length(name) >= 2)
);
-- Names are global; a soft-deleted function keeps its name reserved until it is purged.
CREATE UNIQUE INDEX functions_name_key ON functions (name);
CREATE INDEX functions_owner_id_idx ON functions (owner_id);
CREATE TRIGGER functions_set_updated_at BEFORE UPDATE ON functions
  FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp();

-- Immutable once written: a new upload is a new number.
CREATE TABLE function_versions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  function_id  bigint NOT NULL REFERENCES functions (id) ON DELETE CASCADE,
  number       integer NOT NULL CHECK (number >= 1),
  sha256       text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size_bytes   bigint NOT NULL CHECK (size_bytes > 0),
  abi          text NOT NULL CHECK (abi IN ('olin', 'wasi')),
  entrypoint   text NOT NULL,
  imports      text[] NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (function_id, number)
);

ALTER TABLE functions
  ADD CONSTRAINT functions_active_version_fk FOREIGN KEY (active_version_id) REFERENCES function_versions (id);

CREATE TABLE function_env (
  function_id  bigint NOT NULL REFERENCES functions (id) ON DELETE CASCADE,
  key          text NOT NULL,
  value        text NOT NULL,
  secret       boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (function_id, key)
);
CREATE TRIGGER function_env_set_updated_at BEFORE UPDATE ON function_env
  FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp();
