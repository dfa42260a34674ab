-- One-time codes that hand a browser login to the CLI's loopback listener. Only the code's SHA-256 is kept, so a
-- database reader cannot redeem one; a code is good once (used_at) and for a short while (expires_at).
CREATE TABLE cli_login_codes (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code_sha256  bytea NOT NULL UNIQUE CHECK (length(code_sha256) = 32),
  user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz
);
CREATE INDEX cli_login_codes_user_id_idx ON cli_login_codes (user_id);
CREATE INDEX cli_login_codes_expires_at_idx ON cli_login_codes (expires_at);
