package app.wasmcloud.contract;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The platform's content address: SHA-256 in lower-case hex. A module is known by it (its version's {@code sha256},
 * its object key, its compiled classes' key), and sealed objects carry it to prove their bytes.
 */
public final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    /** The SHA-256 of {@code bytes}, in lower-case hex. */
    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Whether {@code value} is spelled as {@link #hex} spells one; only such a value may name a file or a key. */
    public static boolean isHex(String value) {
        return value != null && HEX.matcher(value).matches();
    }

    /** {@code value}, when it {@link #isHex is one}; it is about to name a file or an object, so nothing else passes. */
    public static String requireHex(String value) throws IOException {
        if (!isHex(value)) {
            throw new IOException("not a SHA-256 in lower-case hex: " + value);
        }
        return value;
    }
}
