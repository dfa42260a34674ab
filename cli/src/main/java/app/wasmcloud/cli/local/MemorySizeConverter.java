package app.wasmcloud.cli.local;

import app.wasmcloud.runtime.Limits;
import app.wasmcloud.runtime.Quantities;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * `--memory`: a size such as `16MiB` or `64KiB` (the syntax of {@link Quantities#parseBytes}), turned into 64 KiB
 * wasm pages, rounded up.
 */
public final class MemorySizeConverter implements ITypeConverter<Integer> {
    static final long PAGE_BYTES = 64 * 1024;

    @Override
    public Integer convert(String value) {
        long bytes;
        try {
            bytes = Quantities.parseBytes(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + ", e.g. 64KiB, 16MiB, 1GiB");
        }
        if (bytes < 1 || Math.ceilDiv(bytes, PAGE_BYTES) > Limits.MAX_WASM32_PAGES) {
            throw new TypeConversionException(
                    "'" + value + "' is out of range: memory must be between 64KiB (one page) and 4GiB");
        }
        return Quantities.pagesFor(bytes);
    }

    /** The way a size is typed: `64KiB`, `16MiB`. */
    public static String format(int pages) {
        return Quantities.formatBytes(pages * PAGE_BYTES);
    }
}
