package app.wasmcloud.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * No cluster runs here, so {@code deploy/kubernetes} is checked the strict way: every manifest parses into the
 * official model (fabric8), with no field the model does not know, and the probes and ports match what the services
 * really listen on according to their {@code application.yml}.
 */
class KubernetesManifestsTest {

    static final Path MANIFESTS = TestStack.ROOT.resolve("deploy/kubernetes");
    static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Deployment", Deployment.class,
            "Service", Service.class,
            "PodDisruptionBudget", PodDisruptionBudget.class,
            "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "Ingress", Ingress.class);

    @Test
    void everyManifestParsesIntoTheKubernetesModelWithoutAnUnknownField() throws Exception {
        List<Path> manifests = manifests();
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : manifests) {
            for (JsonNode document : documents(file)) {
                String kind = document.get("kind").asString();
                assertThat(KINDS).as(file + ": a kind this test knows").containsKey(kind);
                HasMetadata resource = YAML.treeToValue(document, KINDS.get(kind));
                assertThat(unknownFields(resource, kind)).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void aMisspeltFieldIsFoundWhereverItIs() throws Exception {
        JsonNode misspelt = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                  template:
                    spec:
                      containers: [{name: x, image: x, readinessProbe: {httpGet: {pat: /x, port: 1}}}]
                """);

        assertThat(unknownFields(YAML.treeToValue(misspelt, Deployment.class), "Deployment"))
                .containsExactlyInAnyOrder(
                        "Deployment.Spec.replica",
                        "Deployment.Spec.Template.Spec.Containers[0].ReadinessProbe.HttpGet.pat");
    }

    @Test
    void everyFileAKustomizationNamesExists() throws Exception {
        try (Stream<Path> files = Files.walk(MANIFESTS)) {
            for (Path kustomization :
                    files.filter(f -> f.endsWith("kustomization.yaml")).toList()) {
                JsonNode tree = YAML.readTree(kustomization.toFile());
                List<String> named = new ArrayList<>();
                tree.path("resources").forEach(resource -> named.add(resource.asString()));
                tree.path("patches")
                        .forEach(patch -> named.add(patch.get("path").asString()));
                assertThat(named).as(kustomization.toString()).isNotEmpty();
                for (String name : named) {
                    assertThat(kustomization.resolveSibling(name))
                            .as(kustomization + " names " + name)
                            .exists();
                }
            }
        }
    }

    @Test
    void probesAskTheHealthGroupsOnThePortEachServiceServesThemOn() throws Exception {
        for (String service : List.of("api-server", "executor")) {
            Deployment deployment = deployment(service);
            JsonNode settings = YAML.readTree(TestStack.ROOT
                    .resolve(service + "/src/main/resources/application.yml")
                    .toFile());
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
            int serverPort = settings.at("/server/port").asInt();
            int managementPort = environment(container, "MANAGEMENT_SERVER_PORT")
                    .map(Integer::parseInt)
                    .orElse(settings.at("/management/server/port").asInt(serverPort));

            assertThat(settings.at("/management/endpoint/health/probes/enabled").asBoolean())
                    .as(service + " serves the probe groups")
                    .isTrue();
            assertThat(settings.at("/management/endpoint/health/group/readiness/include")
                            .asString())
                    .as(service)
                    .contains("db");
            assertThat(probePort(container, container.getReadinessProbe())).isEqualTo(managementPort);
            assertThat(probePort(container, container.getLivenessProbe())).isEqualTo(managementPort);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(portNamed(container, "http")).as(service).isEqualTo(serverPort);
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
        }
        assertThat(YAML.readTree(TestStack.ROOT
                                .resolve("executor/src/main/resources/application.yml")
                                .toFile())
                        .at("/management/endpoint/health/group/readiness/include")
                        .asString())
                .as("a saturated executor leaves readiness")
                .contains("pool");
    }

    /**
     * The containers' root filesystems are read-only, so every directory a service writes to by default (a relative
     * {@code .dev/} path, from the configuration metadata the build generates) must be set to a mounted volume,
     * unless it belongs to a storage backend the manifests do not use.
     */
    @Test
    void everyDirectoryAServiceWritesIsOnAMountedVolume() throws Exception {
        Map<String, String> settings = new HashMap<>();
        YAML.readTree(MANIFESTS.resolve("base/kustomization.yaml").toFile())
                .at("/configMapGenerator/0/literals")
                .forEach(literal -> {
                    String[] pair = literal.asString().split("=", 2);
                    settings.put(pair[0], pair[1]);
                });
        Map<String, String> onlyWithFilesystemStorage = Map.of(
                "wasmcloud.storage.filesystem-root", "WASMCLOUD_STORAGE_TYPE",
                "wasmcloud.executor.module-store-root", "WASMCLOUD_EXECUTOR_MODULE_STORE");
        for (String service : List.of("api-server", "executor")) {
            Container container = deployment(service)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .getFirst();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem())
                    .as(service)
                    .isTrue();
            JsonNode metadata = YAML.readTree(TestStack.ROOT
                    .resolve(service + "/target/classes/META-INF/spring-configuration-metadata.json")
                    .toFile());
            for (JsonNode property : metadata.get("properties")) {
                String name = property.get("name").asString();
                String fallback = property.path("defaultValue").asString("");
                String store = onlyWithFilesystemStorage.get(name);
                if (!fallback.startsWith(".dev/") || (store != null && "s3".equals(settings.get(store)))) {
                    continue;
                }
                String variable =
                        name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                String directory = environment(container, variable)
                        .orElseThrow(() -> new AssertionError(
                                service + " writes to " + fallback + " unless " + variable + " is set"));
                assertThat(container.getVolumeMounts())
                        .as(service + ": " + variable + "=" + directory + " on a mounted volume")
                        .anyMatch(mount -> directory.equals(mount.getMountPath())
                                || directory.startsWith(mount.getMountPath() + "/"));
            }
        }
    }

    @Test
    void secretsAreReferencedByNameAndNeverWrittenIntoAManifest() throws Exception {
        for (Path file : manifests()) {
            for (JsonNode document : documents(file)) {
                assertThat(document.get("kind").asString()).as(file.toString()).isNotEqualTo("Secret");
            }
            assertThat(Files.readString(file)).as(file.toString()).doesNotContainIgnoringCase("password:");
        }
        Container api = deployment("api-server")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .getFirst();
        assertThat(api.getEnv().stream()
                        .filter(variable -> variable.getName().endsWith("_SECRET"))
                        .allMatch(variable -> variable.getValue() == null
                                && variable.getValueFrom().getSecretKeyRef() != null))
                .isTrue();
    }

    private static Deployment deployment(String name) throws IOException {
        for (JsonNode document : documents(MANIFESTS.resolve("base/" + name + ".yaml"))) {
            if (document.get("kind").asString().equals("Deployment")) {
                return YAML.treeToValue(document, Deployment.class);
            }
        }
        throw new AssertionError("no Deployment in " + name + ".yaml");
    }

    private static java.util.Optional<String> environment(Container container, String name) {
        return container.getEnv().stream()
                .filter(variable -> variable.getName().equals(name))
                .map(EnvVar::getValue)
                .findFirst();
    }

    private static int probePort(Container container, Probe probe) {
        return portNamed(container, probe.getHttpGet().getPort().getStrVal());
    }

    private static int portNamed(Container container, String name) {
        return container.getPorts().stream()
                .filter(port -> name.equals(port.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    private static List<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(MANIFESTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                    .sorted()
                    .toList();
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        for (String text : Files.readString(file).split("(?m)^---$")) {
            JsonNode document = YAML.readTree(text);
            if (document != null && !document.isMissingNode() && !document.isNull()) {
                documents.add(document);
            }
        }
        return documents;
    }

    /**
     * Fields the model kept aside because it does not know them: fabric8 accepts them into
     * {@code additionalProperties} instead of failing, so the walk finds them.
     */
    private static List<String> unknownFields(Object node, String path) throws Exception {
        List<String> unknown = new ArrayList<>();
        if (node == null) {
            return unknown;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknown.addAll(unknownFields(list.get(i), path + "[" + i + "]"));
            }
            return unknown;
        }
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                unknown.addAll(unknownFields(entry.getValue(), path + "." + entry.getKey()));
            }
            return unknown;
        }
        if (!node.getClass().getPackageName().startsWith("io.fabric8")) {
            return unknown;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = getter.invoke(node);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                unknown.addAll(
                        unknownFields(value, path + "." + getter.getName().substring(3)));
            }
        }
        return unknown;
    }
}
