package app.wasmcloud.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a secret variable's value is kept in {@code function_env}: AES-256-GCM under an operator key, the key's id in
 * the row's {@code key_id} so keys can be rotated. The api-server seals, executors open; both read the same
 * {@code wasmcloud.secrets.*} settings. The stored value is base64 of a 12-byte random nonce, the ciphertext and the
 * 16-byte tag; the associated data is the row's function id and variable name, so a value copied into another row
 * does not open.
 */
public final class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A sealed value and the id of the key that sealed it. */
    public record Sealed(String keyId, String value) {
        @Override
        public String toString() {
            return "Sealed[" + keyId + "]";
        }
    }

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;

    private SecretCipher(String currentKeyId, Map<String, SecretKeySpec> keys) {
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * The cipher the settings describe.
     *
     * @param keyId the current key's name, stored in every row it seals
     * @param key the current key, base64 of 32 bytes; or null to read it from {@code keyFile}
     * @param keyFile a file holding the current key in base64; or null
     * @param previousKeys keys rows may still be sealed with, by id, base64: opened, never used to seal
     * @throws IllegalArgumentException a key that is not base64 of 32 bytes, or both a key and a key file
     */
    public static SecretCipher fromSettings(String keyId, String key, Path keyFile, Map<String, String> previousKeys) {
        if (key != null && !key.isBlank() && keyFile != null) {
            throw new IllegalArgumentException("set wasmcloud.secrets.key or wasmcloud.secrets.key-file, not both");
        }
        String current = key;
        if ((current == null || current.isBlank()) && keyFile != null) {
            try {
                current = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read wasmcloud.secrets.key-file " + keyFile, e);
            }
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        if (previousKeys != null) {
            previousKeys.forEach((id, value) -> keys.put(id, aesKey("wasmcloud.secrets.previous-keys." + id, value)));
        }
        boolean hasCurrent = current != null && !current.isBlank();
        if (hasCurrent) {
            if (keyId == null || keyId.isBlank() || !keyId.matches("[A-Za-z0-9._-]{1,64}")) {
                throw new IllegalArgumentException("wasmcloud.secrets.key-id must be 1 to 64 of A-Z, a-z, 0-9, '.',"
                        + " '_' and '-', not '" + keyId + "'");
            }
            keys.put(keyId, aesKey("wasmcloud.secrets.key", current));
        }
        return new SecretCipher(hasCurrent ? keyId : null, keys);
    }

    private static SecretKeySpec aesKey(String setting, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64; generate one with openssl rand -base64 32");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    setting + " must decode to 32 bytes (AES-256), not " + bytes.length + "; openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** The id new values are sealed under; empty when no current key is configured. */
    public Optional<String> currentKeyId() {
        return Optional.ofNullable(currentKeyId);
    }

    /** Whether a row sealed under this key id can be opened. */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Seals a value for one row under the current key. */
    public Sealed seal(long functionId, String name, String plaintext) {
        if (currentKeyId == null) {
            throw new IllegalStateException("no secrets key is configured (wasmcloud.secrets.key or key-file)");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(
                Cipher.ENCRYPT_MODE, currentKeyId, nonce, functionId, name, plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer stored =
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return new Sealed(currentKeyId, Base64.getEncoder().encodeToString(stored.array()));
    }

    /**
     * Opens a row's value.
     *
     * @throws IllegalStateException the key id is not configured, or the value does not open under it (tampered, or
     *     copied from another row)
     */
    public String open(long functionId, String name, String keyId, String stored) {
        if (!knows(keyId)) {
            throw new IllegalStateException("secret '" + name + "' of function " + functionId + " is sealed with key '"
                    + keyId + "', which is not configured (wasmcloud.secrets.key-id or previous-keys)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("secret '" + name + "' of function " + functionId + " is not sealed data");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("secret '" + name + "' of function " + functionId + " is not sealed data");
        }
        byte[] nonce = Arrays.copyOfRange(bytes, 0, NONCE_BYTES);
        byte[] sealed = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, keyId, nonce, functionId, name, sealed), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, String keyId, byte[] nonce, long functionId, String name, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((functionId + "/" + name).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "secret '" + name + "' of function " + functionId + " does not open under key '" + keyId + "'", e);
        }
    }
}
