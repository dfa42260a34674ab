-- A user's request for a better tier, and the admin's answer, which the user sees. At most one waits per user.
CREATE TABLE tier_applications (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id     bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reason      text NOT NULL,
  state       text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'declined')),
  tier        text CHECK (tier IN ('examples', 'free', 'full')),
  message     text,
  decided_by  text,
  decided_at  timestamptz,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tier_applications_one_pending_idx ON tier_applications (user_id) WHERE state = 'pending';
CREATE INDEX tier_applications_user_idx ON tier_applications (user_id, created_at DESC);
CREATE TRIGGER tier_applications_set_updated_at BEFORE UPDATE ON tier_applications
  FOR EACH ROW EXECUTE FUNCTION trigger_set_timestamp();
