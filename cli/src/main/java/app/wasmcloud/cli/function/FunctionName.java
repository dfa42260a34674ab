package app.wasmcloud.cli.function;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks a function name where it is typed: names are DNS labels, because they become host names. */
public final class FunctionName implements ITypeConverter<String> {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    @Override
    public String convert(String value) {
        if (!DNS_LABEL.matcher(value).matches()) {
            throw new TypeConversionException("'" + value + "' is not a valid function name: use 1 to 63 lowercase "
                    + "letters, digits and '-', starting and ending with a letter or digit");
        }
        return value;
    }
}
