package app.wasmcloud.cli.config;

import app.wasmcloud.cli.CliException;
import app.wasmcloud.cli.ExitCode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's config file, `$XDG_CONFIG_HOME/wasmcloud/config.json` (default `~/.config`). It holds a token, so it is
 * written readable by its owner only (0600, in a 0700 directory) and replaced atomically.
 */
public final class ConfigFile {
    private final Path path;
    private final JsonMapper mapper;

    public ConfigFile(Path path, JsonMapper mapper) {
        this.path = path;
        this.mapper = mapper;
    }

    /** The config file's location for an environment; `home` is used when the environment has no `HOME`. */
    public static Path locate(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(env.getOrDefault("HOME", home), ".config");
        return base.resolve("wasmcloud").resolve("config.json");
    }

    public Path path() {
        return path;
    }

    /** The stored configuration, empty when there is no file yet. */
    public StoredConfig read() {
        try {
            byte[] bytes = Files.readAllBytes(path);
            return mapper.readValue(bytes, StoredConfig.class);
        } catch (NoSuchFileException e) {
            return StoredConfig.EMPTY;
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read config file " + path + ": " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new CliException(
                    ExitCode.FAILURE,
                    "config file " + path + " is not valid JSON (" + e.getOriginalMessage()
                            + ") — fix it or run `wasmcloud login` again after deleting it",
                    e);
        }
    }

    public void write(StoredConfig config) {
        try {
            Path dir = path.getParent();
            boolean posix =
                    FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            Files.createDirectories(dir, posix ? permissions("rwx------") : new FileAttribute<?>[0]);
            Path temporary = Files.createTempFile(
                    dir, ".config", ".json.tmp", posix ? permissions("rw-------") : new FileAttribute<?>[0]);
            try {
                Files.write(temporary, mapper.writeValueAsBytes(config));
                Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot write config file " + path + ": " + e.getMessage(), e);
        }
    }

    private static FileAttribute<?>[] permissions(String permissions) {
        return new FileAttribute<?>[] {
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        };
    }
}
