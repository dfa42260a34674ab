package app.wasmcloud.objectstore;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writing an object of the filesystem stores (the dev stand-in for the bucket): aside first, then moved into place, so
 * a reader sees the whole object or none of it, and a crash leaves no half-written one under its name.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    /** Writes {@code content} to {@code target}, creating its directory and replacing what was there. */
    public static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path partial =
                Files.createTempFile(target.getParent(), target.getFileName().toString(), ".partial");
        try {
            Files.write(partial, content);
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
