-- Secret values are sealed with AES-256-GCM (SecretCipher); key_id names the operator key that sealed one, so keys
-- can be rotated. NULL means the value is plain text: every non-secret value, and secrets written before this
-- migration until the api-server's start-up seals them.
ALTER TABLE function_env ADD COLUMN key_id text;
ALTER TABLE function_env
  ADD CONSTRAINT function_env_sealed_only_if_secret CHECK (key_id IS NULL OR secret);
