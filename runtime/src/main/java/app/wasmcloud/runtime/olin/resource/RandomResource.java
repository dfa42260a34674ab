package app.wasmcloud.runtime.olin.resource;

import java.security.SecureRandom;

/** {@code random://}: cryptographically secure random bytes; read-only. */
public final class RandomResource implements OlinResource {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public int read(byte[] buffer) {
        RANDOM.nextBytes(buffer);
        return buffer.length;
    }
}
