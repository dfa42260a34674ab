package app.wasmcloud.cli.local;

import app.wasmcloud.runtime.Quantities;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** `--timeout`: a positive whole number with a unit, `500ms`, `10s`, `1m` (the syntax of {@link Quantities}). */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        try {
            return Quantities.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The way a duration is typed: `500ms`, `10s`, `1m`, `1500ms`. */
    public static String format(Duration duration) {
        return Quantities.formatDuration(duration);
    }

    public static String format(long millis) {
        return format(Duration.ofMillis(millis));
    }
}
