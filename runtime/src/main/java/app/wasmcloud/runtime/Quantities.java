package app.wasmcloud.runtime;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The human syntax of limits, for command lines and configuration: durations like {@code 500ms}, {@code 10s},
 * {@code 2m} and sizes like {@code 16MiB}, {@code 64KiB}, {@code 1024}. Parsing fails with a message that says what is
 * allowed, so a caller can print it as is.
 */
public final class Quantities {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern SIZE =
            Pattern.compile("(\\d+)\\s*(B|KiB|MiB|GiB|KB|MB|GB|K|M|G)?", Pattern.CASE_INSENSITIVE);

    private Quantities() {}

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}; a positive whole number with its unit. */
    public static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "invalid duration '" + text + "': use a whole number and a unit, like 500ms, 10s, 2m or 1h");
        }
        long amount = parseAmount(matcher.group(1), text);
        Duration duration;
        try {
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("invalid duration '" + text + "': too large");
        }
        if (duration.isZero()) {
            throw new IllegalArgumentException("invalid duration '" + text + "': it must be more than zero");
        }
        return duration;
    }

    /**
     * Bytes: a plain number, or one with a binary unit ({@code KiB}, {@code MiB}, {@code GiB}; {@code K}, {@code M},
     * {@code G}, {@code KB}, {@code MB}, {@code GB} mean the same powers of 1024, as they do for memory).
     */
    public static long parseBytes(String text) {
        Matcher matcher = SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "invalid size '" + text + "': use a whole number of bytes, optionally with KiB, MiB or GiB");
        }
        long amount = parseAmount(matcher.group(1), text);
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        int shift = switch (unit.toUpperCase(Locale.ROOT).charAt(0)) {
            case 'K' -> 10;
            case 'M' -> 20;
            case 'G' -> 30;
            default -> 0;
        };
        if (amount > Long.MAX_VALUE >> shift) {
            throw new IllegalArgumentException("invalid size '" + text + "': too large");
        }
        return amount << shift;
    }

    /** Memory pages (64 KiB each) for a size, rounded up; e.g. {@code 16MiB} is 256 pages. */
    public static int pagesFor(long bytes) {
        long pages = Math.ceilDiv(bytes, 65536L);
        if (pages > Limits.MAX_WASM32_PAGES) {
            throw new IllegalArgumentException(
                    "a memory of " + formatBytes(bytes) + " is more than a 32-bit module can address (4 GiB)");
        }
        return (int) pages;
    }

    /** The shortest exact form: {@code 500ms}, {@code 10s}, {@code 2m}. */
    public static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    /** The shortest exact form: {@code 16MiB}, {@code 64KiB}, {@code 1000B}. */
    public static String formatBytes(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (unit < units.length - 1 && bytes != 0 && bytes % 1024 == 0) {
            bytes /= 1024;
            unit++;
        }
        return bytes + units[unit];
    }

    private static long parseAmount(String digits, String text) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid quantity '" + text + "': the number is too large");
        }
    }
}
