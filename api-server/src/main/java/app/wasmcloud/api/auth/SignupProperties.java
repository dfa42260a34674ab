package app.wasmcloud.api.auth;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use this server.
 *
 * @param signup closed (only admins), approval (new users pending until approved) or open
 * @param admins Gitea logins that are admins; they are active from their first login whatever the signup mode
 */
@ConfigurationProperties("wasmcloud")
record SignupProperties(
        @DefaultValue("approval") SignupMode signup,
        @DefaultValue List<String> admins) {}
