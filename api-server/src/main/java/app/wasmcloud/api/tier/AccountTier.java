package app.wasmcloud.api.tier;

import app.wasmcloud.contract.Tier;
import app.wasmcloud.contract.TierQuotas;

/**
 * One account's tier and the quotas it runs under: the tier's, with an admin's per-user overrides on top.
 *
 * @param overrides only what an admin set for this user; null fields follow the tier
 */
public record AccountTier(Tier tier, TierQuotas quotas, TierQuotas overrides) {

    /** Whether any module may be deployed, or only the precompiled examples. */
    public boolean deploysAnyModule() {
        return tier != Tier.EXAMPLES;
    }
}
