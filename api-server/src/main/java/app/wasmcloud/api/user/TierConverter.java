package app.wasmcloud.api.user;

import app.wasmcloud.api.web.LowercaseEnumConverter;
import app.wasmcloud.contract.Tier;
import jakarta.persistence.Converter;

/** {@code users.tier} and {@code tier_applications.tier} hold the tier's label. */
@Converter(autoApply = true)
class TierConverter extends LowercaseEnumConverter<Tier> {
    TierConverter() {
        super(Tier.class);
    }
}
