package app.wasmcloud.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A {@link CompiledClassCache} in one directory, one file per module, holding at most {@code maxBytes}: past it the
 * least recently used files are deleted ({@link DirectoryCache}). Several processes may share the directory.
 */
public final class DirectoryCompiledClassCache implements CompiledClassCache {

    private final DirectoryCache files;

    /** Creates {@code directory} if it does not exist. */
    public DirectoryCompiledClassCache(Path directory, long maxBytes) {
        try {
            this.files = new DirectoryCache(directory, ".classes", maxBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the compiled-class cache directory " + directory, e);
        }
    }

    @Override
    public byte[] get(String key) throws IOException {
        return files.read(key);
    }

    @Override
    public void put(String key, byte[] compiledClasses) throws IOException {
        files.write(key, compiledClasses);
    }
}
