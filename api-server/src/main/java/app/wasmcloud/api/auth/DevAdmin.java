package app.wasmcloud.api.auth;

import app.wasmcloud.api.security.Role;
import app.wasmcloud.api.security.UserStatus;
import app.wasmcloud.api.user.User;
import app.wasmcloud.api.user.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dev mode's local admin {@code dev}, who logs in without Gitea. It exists only when
 * {@code wasmcloud.auth.dev-login=true}, and the server refuses to start that way unless bound to loopback.
 */
@Component
@ConditionalOnProperty(name = "wasmcloud.auth.dev-login", havingValue = "true")
class DevAdmin {

    static final String LOGIN = "dev";

    private final UserRepository users;

    DevAdmin(UserRepository users, @Value("${server.address:}") String serverAddress) throws UnknownHostException {
        if (serverAddress.isBlank() || !InetAddress.getByName(serverAddress).isLoopbackAddress()) {
            throw new IllegalStateException("wasmcloud.auth.dev-login=true needs server.address bound to loopback"
                    + " (e.g. 127.0.0.1); it is '" + serverAddress + "'");
        }
        this.users = users;
    }

    /** The dev admin, created on first use and kept an active admin. */
    @Transactional
    User user() {
        User user =
                users.findByLogin(LOGIN).orElseGet(() -> users.save(new User(LOGIN, Role.ADMIN, UserStatus.ACTIVE)));
        user.activateAsAdmin();
        return user;
    }

    /**
     * Whether the request comes from this machine. Behind a trusted proxy the remote address is the forwarded
     * client's ({@code server.forward-headers-strategy=native}), so a remote browser is never taken for a local one.
     */
    static boolean isLocal(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
