package app.wasmcloud.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.tier.TierProperties;
import app.wasmcloud.contract.Tier;
import org.junit.jupiter.api.Test;

class SignupModeTest {

    @Test
    void closedSignupsAdmitOnlyConfiguredAdmins() {
        assertThat(SignupMode.CLOSED.statusOfNewUser(false)).isEmpty();
        assertThat(SignupMode.CLOSED.statusOfNewUser(true)).hasValue(UserStatus.ACTIVE);
    }

    @Test
    void approvalSignupsStartNewUsersPending() {
        assertThat(SignupMode.APPROVAL.statusOfNewUser(false)).hasValue(UserStatus.PENDING);
        assertThat(SignupMode.APPROVAL.statusOfNewUser(true)).hasValue(UserStatus.ACTIVE);
    }

    @Test
    void openSignupsActivateEveryone() {
        assertThat(SignupMode.OPEN.statusOfNewUser(false)).hasValue(UserStatus.ACTIVE);
    }

    @Test
    void strangersStartOnTheExamplesTierAndConfiguredAdminsOnFull() {
        TierProperties tiers = new TierProperties(null, null, null, Tier.EXAMPLES, Tier.FREE);

        assertThat(SignupMode.OPEN.tierOfNewUser(false, tiers)).isEqualTo(Tier.EXAMPLES);
        assertThat(SignupMode.APPROVAL.tierOfNewUser(false, tiers)).isEqualTo(Tier.EXAMPLES);
        assertThat(SignupMode.CLOSED.tierOfNewUser(true, tiers)).isEqualTo(Tier.FULL);
        assertThat(SignupMode.OPEN.tierOfNewUser(false, new TierProperties(null, null, null, Tier.FREE, Tier.FREE)))
                .isEqualTo(Tier.FREE);
    }
}
