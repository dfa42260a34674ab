package app.wasmcloud.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The dev stack's keys: generated on first start and kept, so tokens stay valid and sealed secrets stay readable
 * across restarts.
 */
record DevSecrets(String jwtSecret, String serviceTokenSecret, String secretsKey) {

    static DevSecrets loadOrCreate(Path file) throws IOException {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            }
        }
        boolean changed = false;
        for (String key : new String[] {"jwt-secret", "service-token-secret", "secrets-key"}) {
            if (properties.getProperty(key) == null) {
                properties.setProperty(key, randomKey());
                changed = true;
            }
        }
        if (changed) {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "Wasmcloud dev-mode keys; delete this file to rotate them");
            }
        }
        return new DevSecrets(
                properties.getProperty("jwt-secret"),
                properties.getProperty("service-token-secret"),
                properties.getProperty("secrets-key"));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
