package app.wasmcloud.cli.local;

import app.wasmcloud.runtime.Limits;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * `--memory`: a size such as `16MiB` or `64KiB` (also `B`, `GiB`, and `k`/`M`/`G` read as binary units), turned into
 * 64 KiB wasm pages, rounded up.
 */
public final class MemorySizeConverter implements ITypeConverter<Integer> {
    static final long PAGE_BYTES = 64 * 1024;
    private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})\\s*(B|KiB|MiB|GiB|[kKMG])?");

    @Override
    public Integer convert(String value) {
        Matcher matcher = SIZE.matcher(value);
        if (!matcher.matches()) {
            throw new TypeConversionException(
                    "'" + value + "' is not a memory size: use a number with a unit, e.g. 64KiB, 16MiB, 1GiB");
        }
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        long multiplier = switch (unit) {
            case "KiB", "k", "K" -> 1024L;
            case "MiB", "M" -> 1024L * 1024;
            case "GiB", "G" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        long bytes = Long.parseLong(matcher.group(1)) * multiplier;
        long pages = (bytes + PAGE_BYTES - 1) / PAGE_BYTES;
        if (pages < 1 || pages > Limits.MAX_WASM32_PAGES) {
            throw new TypeConversionException(
                    "'" + value + "' is out of range: memory must be between 64KiB (one page) and 4GiB");
        }
        return (int) pages;
    }

    /** The way a size is typed: `64KiB`, `16MiB`. */
    public static String format(int pages) {
        long kib = pages * (PAGE_BYTES / 1024);
        return kib % 1024 == 0 ? kib / 1024 + "MiB" : kib + "KiB";
    }
}
