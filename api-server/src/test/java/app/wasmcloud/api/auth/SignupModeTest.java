package app.wasmcloud.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.api.user.UserStatus;
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
}
