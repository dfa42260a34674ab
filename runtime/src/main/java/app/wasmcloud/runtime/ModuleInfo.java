package app.wasmcloud.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What validation learned about a module; stored with each function version.
 *
 * @param sha256 lowercase hex SHA-256 of the module bytes (its content address)
 * @param sizeBytes module size in bytes
 * @param abi the system interface it imports
 * @param entrypoint the export that is called ({@code _start}, {@code cwa_main} or an explicit one)
 * @param imports every import as {@code module.name}, in module order
 * @param exports every export name, in module order
 */
public record ModuleInfo(
        String sha256, long sizeBytes, Abi abi, String entrypoint, List<String> imports, List<String> exports) {

    public ModuleInfo {
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(abi, "abi");
        Objects.requireNonNull(entrypoint, "entrypoint");
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
    }
}
