package app.wasmcloud.runtime;

import java.util.List;

/** A module was refused; {@link #reasons()} says every thing that is wrong with it, not just the first. */
public final class InvalidModuleException extends Exception {

    private final List<String> reasons;

    public InvalidModuleException(List<String> reasons) {
        super(String.join("; ", reasons));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an invalid module needs at least one reason");
        }
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
