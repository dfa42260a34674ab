package app.wasmcloud.executor.invocation;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Invocation ids: version 7 UUIDs (RFC 9562), a millisecond timestamp followed by 74 random bits. Ids made close in
 * time sort close together, so the primary key index of {@code invocations} grows at its right edge instead of
 * touching a random page per row; and making one takes no lock ({@link UUID#randomUUID} shares one SecureRandom
 * among all request threads). An id is a name, not a secret: who may read an invocation is checked by its owner.
 */
final class InvocationIds {

    private InvocationIds() {}

    static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
