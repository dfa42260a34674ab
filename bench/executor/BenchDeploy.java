import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deploys a module to the bench's database as the api-server does: the module into the filesystem store under its
 * SHA-256, a new version row made active in one transaction, then {@code pg_notify('wasmcloud_functions', name)}.
 * Creates the function (public, owned by the bench user) when it does not exist yet.
 *
 * <p>Usage: {@code BenchDeploy <jdbc url> <store root> <function> <module.wasm> [--unique] [--no-notify]
 * [--timeout-ms N]}. {@code --unique} appends a custom section with a random name, so the module's hash is new and
 * it has never been compiled; {@code --no-notify} leaves the executors uninformed (nothing compiles it before its
 * first request); {@code --owner LOGIN} puts it under another user (default {@code bench}), another tenant;
 * {@code --count N} deploys N functions named {@code <function>-0} to {@code <function>-(N-1)} from one JVM and one
 * connection, each in its own transaction (a thousand JVM launches would take minutes; with {@code --unique} each gets
 * a module of its own). Prints the version number and the hash of each.
 */
public final class BenchDeploy {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path storeRoot = Path.of(args[1]);
        String name = args[2];
        byte[] module = Files.readAllBytes(Path.of(args[3]));
        boolean unique = false;
        boolean notify = true;
        Integer timeoutMs = null;
        String owner = "bench";
        Integer count = null;
        for (int i = 4; i < args.length; i++) {
            switch (args[i]) {
                case "--unique" -> unique = true;
                case "--no-notify" -> notify = false;
                case "--timeout-ms" -> timeoutMs = Integer.parseInt(args[++i]);
                case "--owner" -> owner = args[++i];
                case "--count" -> count = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
            db.setAutoCommit(false);
            if (count == null) {
                deploy(db, storeRoot, name, unique ? withRandomCustomSection(module) : module, notify, timeoutMs, owner);
            } else {
                for (int i = 0; i < count; i++) {
                    deploy(db, storeRoot, name + "-" + i, unique ? withRandomCustomSection(module) : module, notify,
                            timeoutMs, owner);
                }
            }
        }
    }

    private static void deploy(Connection db, Path storeRoot, String name, byte[] module, boolean notify,
            Integer timeoutMs, String owner) throws Exception {
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(module));
        Path stored = storeRoot.resolve("modules/sha256/" + sha256);
        Files.createDirectories(stored.getParent());
        Files.write(stored, module);

        long function = functionId(db, name, timeoutMs, owner);
        int number = single(db, "SELECT coalesce(max(number), 0) + 1 FROM function_versions WHERE function_id = ?",
                function);
        long version;
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO function_versions (function_id, number, sha256, size_bytes, abi, entrypoint)
                VALUES (?, ?, ?, ?, 'olin', '_start') RETURNING id""")) {
            insert.setLong(1, function);
            insert.setInt(2, number);
            insert.setString(3, sha256);
            insert.setLong(4, module.length);
            version = first(insert);
        }
        try (PreparedStatement activate =
                db.prepareStatement("UPDATE functions SET active_version_id = ? WHERE id = ?")) {
            activate.setLong(1, version);
            activate.setLong(2, function);
            activate.executeUpdate();
        }
        db.commit();
        if (notify) {
            try (PreparedStatement notifying = db.prepareStatement("SELECT pg_notify('wasmcloud_functions', ?)")) {
                notifying.setString(1, name);
                notifying.executeQuery().close();
            }
            db.commit();
        }
        System.out.println(name + " version " + number + " sha256 " + sha256 + (notify ? " notified" : ""));
    }

    private static long functionId(Connection db, String name, Integer timeoutMs, String ownerLogin)
            throws SQLException {
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM functions WHERE name = ?")) {
            find.setString(1, name);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    return row.getLong(1);
                }
            }
        }
        long owner;
        try (PreparedStatement user = db.prepareStatement("""
                INSERT INTO users (login, status) VALUES (?, 'active')
                ON CONFLICT (login) DO UPDATE SET login = excluded.login RETURNING id""")) {
            user.setString(1, ownerLogin);
            owner = first(user);
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO functions
                    (name, owner_id, visibility, timeout_ms, effective_timeout_ms, effective_memory_pages)
                VALUES (?, ?, 'public', ?, ?, 256) RETURNING id""")) {
            insert.setString(1, name);
            insert.setLong(2, owner);
            insert.setObject(3, timeoutMs);
            insert.setInt(4, timeoutMs == null ? 10_000 : timeoutMs);
            return first(insert);
        }
    }

    private static int single(Connection db, String sql, long parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, parameter);
            return (int) first(query);
        }
    }

    private static long first(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** A custom section (id 0) named by a random UUID: ignored by every runtime, but a new hash. */
    private static byte[] withRandomCustomSection(byte[] module) {
        byte[] name = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] unique = new byte[module.length + 3 + name.length];
        System.arraycopy(module, 0, unique, 0, module.length);
        unique[module.length] = 0;
        unique[module.length + 1] = (byte) (1 + name.length); // section size, one-byte LEB128 (under 128)
        unique[module.length + 2] = (byte) name.length;
        System.arraycopy(name, 0, unique, module.length + 3, name.length);
        return unique;
    }
}
