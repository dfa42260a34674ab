package app.wasmcloud.api.function;

import app.wasmcloud.api.web.LowercaseEnumConverter;
import app.wasmcloud.contract.RecordMode;
import jakarta.persistence.Converter;

/** The record setting as the schema spells it: {@code off}, {@code on}, {@code errors}. */
@Converter(autoApply = true)
class RecordModeConverter extends LowercaseEnumConverter<RecordMode> {
    RecordModeConverter() {
        super(RecordMode.class);
    }
}
