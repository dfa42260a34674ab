package app.wasmcloud.cli.local;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** One `--env KEY=VALUE`: the key is everything before the first `=`, the value everything after (may be empty). */
public record EnvVariable(String key, String value) {

    /** Reads `KEY=VALUE` as typed. */
    public static final class Converter implements ITypeConverter<EnvVariable> {
        @Override
        public EnvVariable convert(String text) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new TypeConversionException("'" + text + "' is not KEY=VALUE");
            }
            return new EnvVariable(text.substring(0, equals), text.substring(equals + 1));
        }
    }
}
