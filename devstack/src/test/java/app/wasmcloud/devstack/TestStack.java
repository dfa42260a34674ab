package app.wasmcloud.devstack;

import app.wasmcloud.testsupport.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One dev stack per test JVM, shared by the full-stack test classes and stopped when the JVM exits. */
final class TestStack {

    static final Path ROOT =
            Path.of(System.getProperty("wasmcloud.repository-root", "..")).toAbsolutePath();
    /** Functions answer host-style under this domain; the test hosts file points it at loopback. */
    static final String RUN_DOMAIN = "run.wasmcloud.test";

    private static DevStack stack;

    private TestStack() {}

    static synchronized DevStack get() throws IOException, InterruptedException {
        if (stack == null) {
            Path data = Files.createTempDirectory("wasmcloud-devstack");
            stack = DevStack.start(new DevStackConfig(
                    ROOT,
                    data,
                    FreePort.pick(),
                    FreePort.pick(),
                    FreePort.pick(),
                    FreePort.pick(),
                    FreePort.pick(),
                    RUN_DOMAIN));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        return stack;
    }
}
