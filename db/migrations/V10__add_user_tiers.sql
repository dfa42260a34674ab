-- Every existing account keeps what it had (any module, the operator's limits): 'full'. New accounts get the tier
-- of their signup mode, which the api-server sets explicitly.
ALTER TABLE users
  ADD COLUMN tier                        text NOT NULL DEFAULT 'full' CHECK (tier IN ('examples', 'free', 'full')),
  -- An admin's per-user overrides of the tier's quotas; null means the tier's own number.
  ADD COLUMN quota_functions             integer CHECK (quota_functions >= 0),
  ADD COLUMN quota_invocations_per_day   bigint CHECK (quota_invocations_per_day >= 0),
  ADD COLUMN quota_cpu_seconds_per_day   bigint CHECK (quota_cpu_seconds_per_day >= 0),
  ADD COLUMN quota_requests_per_second   integer CHECK (quota_requests_per_second >= 1);
