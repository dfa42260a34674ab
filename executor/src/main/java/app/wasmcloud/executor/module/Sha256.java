package app.wasmcloud.executor.module;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The content address modules are stored and verified under: lower-case hex SHA-256. */
final class Sha256 {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private Sha256() {}

    static String of(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static boolean isHex(String value) {
        return HEX.matcher(value).matches();
    }

    /** The value, when it is a hash; it names a file or an object key, so nothing else may pass. */
    static String requireHex(String value) throws IOException {
        if (!isHex(value)) {
            throw new IOException("not a SHA-256 in lower-case hex: " + value);
        }
        return value;
    }
}
