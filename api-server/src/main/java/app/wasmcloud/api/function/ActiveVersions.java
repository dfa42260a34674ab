package app.wasmcloud.api.function;

import java.util.Collection;
import java.util.Map;

/**
 * The number of a function's active version, which the function views show. The versions feature answers it:
 * deploying needs functions, so functions ask through this port instead of depending on versions in return.
 */
public interface ActiveVersions {

    /** The active version's number, or null before the first deploy. */
    Integer numberOf(FunctionEntity function);

    /** The active version's number of each of {@code functions} that has one, by function id, in one query. */
    Map<Long, Integer> numbersOf(Collection<FunctionEntity> functions);
}
