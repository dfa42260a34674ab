package app.wasmcloud.objectstore;

import app.wasmcloud.contract.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Compiled classes as they are kept in object storage: one header line, {@code wasmcloud-classes/1 <cache key>
 * <sha-256 of the classes>}, then the classes (Chicory's jar). Executors check both before the classes reach a class
 * loader, so a bundle that was damaged, cut short, or moved to another module's or compiler's key is refused and the
 * module compiled instead. The digest is stored with the bundle, so it proves integrity, not origin: whoever can write
 * the bucket can write a matching one.
 */
public final class SealedClasses {

    private static final String MAGIC = "wasmcloud-classes/1";
    /** A key is at most 166 characters; a header longer than this is not one. */
    private static final int MAX_HEADER = 256;

    private SealedClasses() {}

    /** The bundle to store for {@code classes} under {@code cacheKey}. */
    public static byte[] seal(String cacheKey, byte[] classes) {
        CompiledClassKeys.of(cacheKey);
        byte[] header = (MAGIC + " " + cacheKey + " " + Sha256.hex(classes) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = Arrays.copyOf(header, header.length + classes.length);
        System.arraycopy(classes, 0, sealed, header.length, classes.length);
        return sealed;
    }

    /**
     * The classes in a bundle fetched for {@code cacheKey}.
     *
     * @throws IOException when the bundle is not one, names another key, or its classes do not match their digest
     */
    public static byte[] open(String cacheKey, byte[] sealed) throws IOException {
        int end = -1;
        for (int i = 0; i < Math.min(sealed.length, MAX_HEADER); i++) {
            if (sealed[i] == '\n') {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new IOException("compiled classes for " + cacheKey + " have no header");
        }
        String[] header = new String(sealed, 0, end, StandardCharsets.US_ASCII).split(" ");
        if (header.length != 3 || !header[0].equals(MAGIC)) {
            throw new IOException("compiled classes for " + cacheKey + " have an unknown header");
        }
        if (!header[1].equals(cacheKey)) {
            throw new IOException("compiled classes stored under " + cacheKey + " were sealed for " + header[1]);
        }
        byte[] classes = Arrays.copyOfRange(sealed, end + 1, sealed.length);
        if (!MessageDigest.isEqual(
                header[2].getBytes(StandardCharsets.US_ASCII),
                Sha256.hex(classes).getBytes(StandardCharsets.US_ASCII))) {
            throw new IOException("compiled classes for " + cacheKey + " do not match their digest");
        }
        return classes;
    }
}
