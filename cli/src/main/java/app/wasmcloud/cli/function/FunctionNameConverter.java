package app.wasmcloud.cli.function;

import app.wasmcloud.contract.FunctionName;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Checks a function name where it is typed, with the platform's one rule ({@link FunctionName}). */
public final class FunctionNameConverter implements ITypeConverter<String> {

    @Override
    public String convert(String value) {
        if (!FunctionName.isWellFormed(value)) {
            throw new TypeConversionException("'" + value + "' is not a valid function name: use " + FunctionName.RULE);
        }
        return value;
    }
}
