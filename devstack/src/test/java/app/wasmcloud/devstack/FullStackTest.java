package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import app.wasmcloud.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton as a user meets it: the dev stack (embedded PostgreSQL, api-server and executor as their
 * real jars), the CLI deploying the hello example, and a plain HTTP client calling the function's URL.
 */
class FullStackTest {

    static final Path ROOT = TestStack.ROOT;

    @TempDir
    static Path data;

    static DevStack stack;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPlatform() throws Exception {
        stack = TestStack.get();
    }

    record CliRun(int exitCode, String out, String err) {}

    static CliRun cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(
                args,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(
                        "WASMCLOUD_API", stack.config().apiUrl(),
                        "WASMCLOUD_TOKEN", stack.token(),
                        "XDG_CONFIG_HOME", data.resolve("config").toString()));
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDeployedFunctionAnswersItsUrlWithItsCgiReplyByteForByte() throws Exception {
        CliRun deploy =
                cli("deploy", "hello", ROOT.resolve("examples/hello/hello.wasm").toString(), "--create");

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(deploy.out())
                .contains("hello")
                .contains("version 1")
                .contains(stack.config().runUrl() + "/hello/");

        HttpResponse<byte[]> reply = http.send(
                HttpRequest.newBuilder(URI.create(stack.config().runUrl() + "/hello/some/path?lang=en"))
                        .POST(HttpRequest.BodyPublishers.ofString("hi there"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(reply.body())
                .isEqualTo("hello from wasmcloud!\nmethod: POST\npath: /some/path\nbody: hi there\n"
                        .getBytes(StandardCharsets.UTF_8));

        CliRun invoke = cli("invoke", "hello", "--path", "/via/api", "-d", "from the cli");

        assertThat(invoke.exitCode()).as(invoke.err()).isZero();
        assertThat(invoke.out()).isEqualTo("hello from wasmcloud!\nmethod: POST\npath: /via/api\nbody: from the cli\n");
    }

    @Test
    void theExecutorLoadsANewModuleFromTheClassesTheApiServerCompiledInsteadOfCompilingIt() throws Exception {
        byte[] hello = Files.readAllBytes(ROOT.resolve("examples/hello/hello.wasm"));
        // A custom section of its own: a module no executor has seen, so no local class cache holds it.
        byte[] tag = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] module = Arrays.copyOf(hello, hello.length + 3 + tag.length);
        module[hello.length + 1] = (byte) (1 + tag.length);
        module[hello.length + 2] = (byte) tag.length;
        System.arraycopy(tag, 0, module, hello.length + 3, tag.length);
        Path file = Files.write(data.resolve("precompiled.wasm"), module);
        double remoteHits = executorClassCache("remote-hit");
        double compiled = executorClassCache("miss");

        CliRun deploy = cli("deploy", "precompiled", file.toString(), "--create");
        HttpResponse<String> reply = http.send(
                HttpRequest.newBuilder(URI.create(stack.config().runUrl() + "/precompiled/"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(deploy.exitCode()).as(deploy.err()).isZero();
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).startsWith("hello from wasmcloud!");
        assertThat(executorClassCache("remote-hit")).isEqualTo(remoteHits + 1);
        assertThat(executorClassCache("miss"))
                .as("modules the executor compiled")
                .isEqualTo(compiled);
    }

    /** The executor's {@code wasmcloud_modules_class_cache_total{result}}, read from its Prometheus endpoint. */
    static double executorClassCache(String result) throws Exception {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + stack.config().executorManagementPort() + "/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("wasmcloud_modules_class_cache_total{")
                        && line.contains("result=\"" + result + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void badUploadsGetA4xxThatSaysWhatWasWrong() throws Exception {
        Path text = Files.writeString(data.resolve("notes.wasm"), "not a module");
        Path unknownImports = ROOT.resolve("runtime/src/test/resources/fixtures/unknown_imports.wasm");

        CliRun notWasm = cli("deploy", "notes", text.toString(), "--create");
        CliRun badImports = cli("deploy", "imports", unknownImports.toString(), "--create");
        CliRun badName = cli(
                "deploy", "Bad_Name", ROOT.resolve("examples/hello/hello.wasm").toString(), "--create");
        HttpResponse<String> noName = http.send(
                HttpRequest.newBuilder(URI.create(stack.config().apiUrl() + "/api/functions"))
                        .header("Authorization", "Bearer " + stack.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(notWasm.exitCode()).isNotZero();
        assertThat(notWasm.err()).contains("is not a WebAssembly binary");
        assertThat(badImports.exitCode()).isEqualTo(1);
        assertThat(badImports.err())
                .contains("unknown imports")
                .contains("env.fopen")
                .contains("somewhere.else");
        assertThat(badName.exitCode()).isNotZero();
        assertThat(badName.err()).contains("Bad_Name");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("Invalid function name ''");
    }

    @Test
    void thePanelAndTheDocsAreServedBesideTheServices() throws Exception {
        HttpResponse<String> panel = http.send(
                HttpRequest.newBuilder(URI.create(stack.config().panelUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> docs = http.send(
                HttpRequest.newBuilder(URI.create(stack.config().docsUrl() + "getting-started.html"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("<title>").contains("Wasmcloud");
        HttpResponse<String> docsWithoutSlash = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.config().panelUrl() + "docs"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("./dev");
        assertThat(docsWithoutSlash.statusCode()).isEqualTo(200);
        assertThat(docsWithoutSlash.uri().getPath()).isEqualTo("/docs/");
    }
}
