package app.wasmcloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
    private static final String VERSION_JSON = """
            {"function":"hello","number":1,"sha256":"abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789",
             "sizeBytes":1229,"abi":"olin","entrypoint":"_start","imports":["olin.log_write"],
             "createdAt":"2025-01-01T00:00:00Z","url":"http://localhost:8081/hello/"}""";

    @TempDir
    Path dir;

    FakeApi api;
    CliRun cli;
    Path module;

    @BeforeEach
    void setUp() throws IOException {
        api = new FakeApi();
        cli = new CliRun(dir.resolve("config")).env("WASMCLOUD_API", api.url()).env("WASMCLOUD_TOKEN", FakeApi.TOKEN);
        module = dir.resolve("hello.wasm");
        byte[] bytes = new byte[1229];
        System.arraycopy(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 0, bytes, 0, 8);
        for (int i = 8; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Files.write(module, bytes);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    @Test
    void deployUploadsTheModuleAsAMultipartPartNamedModule() throws IOException {
        api.answer("POST /api/functions/hello/versions", 201, VERSION_JSON);

        CliRun.Result result = cli.run("deploy", "hello", module.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        FakeApi.Received request = api.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/functions/hello/versions");
        assertThat(request.query()).isNull();
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + FakeApi.TOKEN);
        String contentType = request.header("Content-Type");
        assertThat(contentType).startsWith("multipart/form-data; boundary=");
        String boundary = contentType.substring(contentType.indexOf("boundary=") + "boundary=".length());

        byte[] file = Files.readAllBytes(module);
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"module\"; filename=\"hello.wasm\"\r\n"
                + "Content-Type: application/wasm\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] expected =
                concat(head.getBytes(StandardCharsets.US_ASCII), file, tail.getBytes(StandardCharsets.US_ASCII));
        assertThat(request.body()).isEqualTo(expected);
    }

    @Test
    void deployPrintsVersionDigestSizeAndUrl() {
        api.answer("POST /api/functions/hello/versions", 201, VERSION_JSON);

        CliRun.Result result = cli.run("deploy", "hello", module.toString());

        assertThat(result.stdout())
                .isEqualTo("Deployed hello version 1 (sha256 abcdef012345…, 1.2 KiB)\nhttp://localhost:8081/hello/\n");
        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void deployWithCreateAsksTheApiToCreateTheFunction() {
        api.answer("POST /api/functions/hello/versions", 201, VERSION_JSON);

        CliRun.Result result = cli.run("deploy", "hello", module.toString(), "--create");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(api.onlyRequest().query()).isEqualTo("create=true");
    }

    @Test
    void deployWithJsonOutputPrintsTheVersionWithStableFieldNames() {
        api.answer("POST /api/functions/hello/versions", 201, VERSION_JSON);

        CliRun.Result result = cli.run("deploy", "hello", module.toString(), "-o", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualToIgnoringWhitespace("""
                        {"function":"hello","number":1,
                         "sha256":"abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789",
                         "sizeBytes":1229,"abi":"olin","entrypoint":"_start","imports":["olin.log_write"],
                         "createdAt":"2025-01-01T00:00:00Z","url":"http://localhost:8081/hello/"}""");
    }

    @Test
    void aLargeUploadToATerminalShowsProgressOnStderrAndStillSendsEveryByte() throws IOException {
        byte[] big = new byte[3 * 512 * 1024];
        System.arraycopy(new byte[] {0, 'a', 's', 'm'}, 0, big, 0, 4);
        Path bigModule = Files.write(dir.resolve("big.wasm"), big);
        api.answer("POST /api/functions/hello/versions", 201, VERSION_JSON);

        CliRun.Result result = cli.terminalOutput().run("deploy", "hello", bigModule.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stderr()).startsWith("\rUploading big.wasm [");
        assertThat(result.stderr()).contains("] 100% of 1.5 MiB");
        assertThat(result.stderr()).endsWith("\r\u001b[2K");
        assertThat(api.onlyRequest().body().length).isGreaterThan(big.length);
    }

    @Test
    void aSmallUploadShowsNoProgress() {
        api.answer("POST /api/functions/hello/versions", 201, VERSION_JSON);

        CliRun.Result result = cli.terminalOutput().run("deploy", "hello", module.toString());

        assertThat(result.stderr()).isEmpty();
    }

    @Test
    void deployOfAMissingFileFailsBeforeAnyRequest() {
        CliRun.Result result =
                cli.run("deploy", "hello", dir.resolve("nope.wasm").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).isEqualTo("error: " + dir.resolve("nope.wasm") + ": no such file\n");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void deployOfATextFileFailsBeforeAnyRequestAndSaysItIsNotWasm() throws IOException {
        Path wat = Files.writeString(dir.resolve("hello.wat"), "(module)");

        CliRun.Result result = cli.run("deploy", "hello", wat.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("is not a WebAssembly binary");
        assertThat(api.received()).isEmpty();
    }

    @Test
    void deployOfAnInvalidModulePrintsEveryReasonTheApiGives() {
        api.answer(
                "POST /api/functions/hello/versions",
                FakeApi.Answer.problem(
                        422, "the module is invalid", "unknown import env.nope", "memory exceeds 256 pages"));

        CliRun.Result result = cli.run("deploy", "hello", module.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("error: the module is invalid\n  unknown import env.nope\n  memory exceeds 256 pages\n");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void deployToAMissingFunctionExitsWithNotFound() {
        api.answer("POST /api/functions/hello/versions", FakeApi.Answer.problem(404, "no function named hello"));

        CliRun.Result result = cli.run("deploy", "hello", module.toString());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.stderr()).isEqualTo("error: no function named hello\n");
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }
}
