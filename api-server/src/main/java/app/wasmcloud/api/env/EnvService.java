package app.wasmcloud.api.env;

import app.wasmcloud.api.function.FunctionEntity;
import app.wasmcloud.api.function.FunctionNotifier;
import app.wasmcloud.api.function.FunctionService;
import app.wasmcloud.api.security.CurrentUser;
import app.wasmcloud.api.web.ApiException;
import app.wasmcloud.contract.SecretCipher;
import app.wasmcloud.contract.SecretsProperties;
import app.wasmcloud.runtime.cgi.CgiRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A function's configuration variables. Values never appear in errors or logs, since any of them may be secret. */
@Service
class EnvService {

    private static final Pattern KEY = Pattern.compile("[A-Z_][A-Z0-9_]*");

    /**
     * Families the CGI layer owns beyond the runtime's own list, so a variable defined today cannot be shadowed by
     * (or shadow) one the platform adds later.
     */
    private static final List<String> RESERVED_PREFIXES = List.of("SERVER_", "REQUEST_", "CONTENT_", "REMOTE_");

    private final EnvRepository variables;
    private final FunctionService functions;
    private final FunctionNotifier notifier;
    private final EnvProperties properties;
    private final SecretCipher cipher;

    EnvService(
            EnvRepository variables,
            FunctionService functions,
            FunctionNotifier notifier,
            EnvProperties properties,
            SecretsProperties secrets) {
        this.variables = variables;
        this.functions = functions;
        this.notifier = notifier;
        this.properties = properties;
        this.cipher = secrets.cipher();
    }

    @Transactional(readOnly = true)
    List<EnvVariable> list(CurrentUser caller, String name) {
        return variables.findByFunctionIdOrderByKey(functions.get(caller, name).id());
    }

    /**
     * Sets a variable. With {@code secret} null an existing variable keeps its kind, so changing a secret's value
     * without repeating {@code "secret": true} can never make it readable; only an explicit false does.
     */
    @Transactional
    EnvVariable put(CurrentUser caller, String name, String key, String value, Boolean secret) {
        checkKey(key);
        checkValue(key, value);
        FunctionEntity function = functions.lock(caller, name);
        EnvVariable variable = variables
                .findByFunctionIdAndKey(function.id(), key)
                .orElseGet(() -> {
                    if (variables.countByFunctionId(function.id()) >= properties.maxVariables()) {
                        throw ApiException.conflict("The function '" + name + "' already has "
                                + properties.maxVariables() + " variables, the most allowed; delete one first.");
                    }
                    return new EnvVariable(function.id(), key);
                });
        boolean isSecret = secret == null ? variable.secret() : secret;
        if (isSecret) {
            if (cipher.currentKeyId().isEmpty()) {
                throw new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "Secrets not configured",
                        "This server keeps secrets encrypted and its operator has not given it a key"
                                + " (wasmcloud.secrets.key or key-file), so it cannot store '" + key
                                + "' as a secret.");
            }
            variable.setSealed(cipher.seal(function.id(), key, value));
        } else {
            variable.setPlain(value);
        }
        notifier.changed(function.name());
        return variables.saveAndFlush(variable);
    }

    @Transactional
    void delete(CurrentUser caller, String name, String key) {
        FunctionEntity function = functions.lock(caller, name);
        EnvVariable variable = variables
                .findByFunctionIdAndKey(function.id(), key)
                .orElseThrow(() -> ApiException.notFound("The function '" + name + "' has no variable '" + key + "'."));
        variables.delete(variable);
        notifier.changed(function.name());
    }

    private void checkKey(String key) {
        if (key.length() > properties.maxKeyLength() || !KEY.matcher(key).matches()) {
            throw ApiException.badRequest("Invalid variable name '" + abbreviated(key) + "': use at most "
                    + properties.maxKeyLength()
                    + " upper-case letters, digits and underscores, not starting with a digit.");
        }
        if (CgiRequest.isReservedEnvKey(key) || RESERVED_PREFIXES.stream().anyMatch(key::startsWith)) {
            throw ApiException.badRequest("The variable name '" + key + "' is reserved for the CGI request"
                    + " (GATEWAY_INTERFACE, SERVER_*, REQUEST_*, CONTENT_*, REMOTE_*, HTTP_*, WASMCLOUD_* and the"
                    + " other CGI meta-variables); choose another.");
        }
    }

    private void checkValue(String key, String value) {
        if (value == null) {
            throw ApiException.badRequest("Give the variable '" + key + "' a value: {\"value\":\"...\"}.");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > properties.maxValueBytes()) {
            throw ApiException.badRequest("The value of '" + key + "' is " + bytes + " bytes; the most allowed is "
                    + properties.maxValueBytes() + ".");
        }
        if (value.indexOf('\0') >= 0) {
            throw ApiException.badRequest("The value of '" + key + "' contains a NUL character, which an"
                    + " environment variable cannot hold.");
        }
    }

    private static String abbreviated(String key) {
        return key.length() <= 40 ? key : key.substring(0, 40) + "...";
    }
}
