package dev.signet.deploy;

import static dev.signet.deploy.Manifests.at;
import static dev.signet.deploy.Manifests.list;
import static dev.signet.deploy.Manifests.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes manifests, rendered by the real kustomize as an operator would apply them, checked against the
 * Kubernetes API schema and against what Signet needs of them: probes on the management port, resources, a
 * locked-down container, every setting and secret of the production configuration supplied, and every reference
 * (ConfigMap, Deployment, selector, Service) pointing at something that exists.
 */
class ManifestsTest {

    private static final Path BASE = Manifests.KUBERNETES.resolve("base");
    private static final Path PRODUCTION = Manifests.KUBERNETES.resolve("overlays/production");
    private static final Path PRODUCTION_CONFIG = Path.of("config/identity-server-production.yml");
    private static final String SECRET_NAME = "identity-server-secrets";
    private static final int MANAGEMENT_PORT = 9090;
    /** Variables of the production configuration that hold secrets: never in a ConfigMap, always from a Secret. */
    private static final Pattern SECRET_VARIABLE = Pattern.compile("KEY|SALT|PASSWORD|USERNAME|REDIS_URL");

    private static List<Map<String, Object>> production;

    @BeforeAll
    static void render() throws Exception {
        production = Manifests.render(PRODUCTION);
    }

    static Stream<Path> kustomizations() {
        return Stream.of(BASE, PRODUCTION);
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyRenderedObjectMatchesTheKubernetesSchema(Path kustomization) throws Exception {
        List<Map<String, Object>> objects = Manifests.render(kustomization);

        assertThat(objects).isNotEmpty();
        assertThat(objects.stream().flatMap(object -> KubernetesSchema.problems(object).stream())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kustomizations")
    void everyResourceFileMatchesTheKubernetesSchemaWithoutRendering(Path kustomization) throws Exception {
        List<Path> files = Manifests.resourceFiles(kustomization);

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (Map<String, Object> object : Manifests.parse(file)) {
                assertThat(KubernetesSchema.problems(object)).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void aMisspeltFieldInAnOverlayPatchFailsTheCheckThoughKustomizeRendersIt() throws Exception {
        List<String> problems = renderedProblems("misspelt-field");

        assertThat(problems).hasSize(2).anySatisfy(problem -> assertThat(problem)
                .contains("Deployment/identity-server: spec.template.spec.containers[0].readinessProbe.periodSecond:")
                .contains("unknown field 'periodSecond' in V1Probe (did you mean 'periodSeconds'?)"));
        // The Kubernetes client's own generated check agrees.
        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("client-java validation: The field `periodSecond` in the JSON string is not defined"));
    }

    @Test
    void aValueOfTheWrongTypeInAnOverlayPatchFailsTheCheckThoughKustomizeRendersIt() throws Exception {
        List<String> problems = renderedProblems("wrong-type");

        // The client's generated check lets a quoted number through (Gson reads "30" as 30); the schema check does not.
        assertThat(problems).singleElement().asString()
                .contains("HorizontalPodAutoscaler/identity-server: spec.maxReplicas: expected an integer (int32),"
                        + " found the string '30'");
    }

    private static List<String> renderedProblems(String brokenOverlay) throws Exception {
        return Manifests.render(Path.of("src/test/resources/broken-overlays", brokenOverlay)).stream()
                .flatMap(object -> KubernetesSchema.problems(object).stream())
                .toList();
    }

    @Test
    void theProductionOverlayDeploysBothServersWithEverythingTheyNeed() {
        for (String app : List.of("identity-server", "admin-api")) {
            assertThat(named("Deployment", app)).as(app).isNotNull();
            assertThat(named("HorizontalPodAutoscaler", app)).as(app).isNotNull();
            assertThat(named("PodDisruptionBudget", app)).as(app).isNotNull();
            assertThat(named("Service", app)).as(app).isNotNull();
            assertThat(named("NetworkPolicy", app)).as(app).isNotNull();
            assertThat(named("ServiceAccount", app)).as(app).isNotNull();
        }
        assertThat(production).allSatisfy(object -> {
            if (!"Namespace".equals(object.get("kind"))) {
                assertThat(at(object, "metadata.namespace")).as(label(object)).isEqualTo("signet");
            }
        });
    }

    @Test
    void probesAreOnTheManagementPortAtTheActuatorHealthGroups() {
        for (Map<String, Object> container : containers()) {
            Map<String, Object> ports = namedPorts(container);
            assertThat(ports.get("management")).as(name(container)).isEqualTo(MANAGEMENT_PORT);
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Map<String, Object> httpGet = map(at(container, probe + ".httpGet"));
                String expectedPath = probe.equals("readinessProbe")
                        ? "/actuator/health/readiness" : "/actuator/health/liveness";
                assertThat(httpGet.get("path")).as(name(container) + " " + probe).isEqualTo(expectedPath);
                assertThat(httpGet.get("port")).as(name(container) + " " + probe).isEqualTo("management");
            }
            assertThat(environment(container).get("MANAGEMENT_SERVER_PORT")).as(name(container))
                    .isEqualTo(String.valueOf(MANAGEMENT_PORT));
        }
    }

    @Test
    void everyContainerHasResourcesAndRunsLockedDown() {
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
            assertThat(at(pod, "securityContext.runAsNonRoot")).as(label(deployment)).isEqualTo(true);
            assertThat((Integer) at(pod, "securityContext.runAsUser")).as(label(deployment)).isPositive();
            assertThat(at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
            assertThat(pod.get("automountServiceAccountToken")).isEqualTo(false);
            Set<String> emptyDirs = new HashSet<>();
            for (Object volume : list(pod.get("volumes"))) {
                if (map(volume).containsKey("emptyDir")) {
                    emptyDirs.add((String) map(volume).get("name"));
                }
            }
            for (Object each : list(pod.get("containers"))) {
                Map<String, Object> container = map(each);
                for (String resource : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                    assertThat(at(container, "resources." + resource)).as(name(container) + " " + resource)
                            .isNotNull();
                }
                assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
                assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
                assertThat(list(at(container, "securityContext.capabilities.drop"))).containsExactly("ALL");
                assertThat(list(container.get("volumeMounts"))).as(name(container) + " writable /tmp")
                        .anySatisfy(mount -> {
                            assertThat(map(mount).get("mountPath")).isEqualTo("/tmp");
                            assertThat(emptyDirs).contains((String) map(mount).get("name"));
                        });
            }
        }
    }

    @Test
    void identityServersHeapLeavesRoomForWhatTheJvmHoldsOutsideItWithinTheMemoryLimit() {
        Map<String, Object> container = containers().stream()
                .filter(c -> "identity-server".equals(c.get("name"))).findFirst().orElseThrow();
        Matcher heap = Pattern.compile("-Xmx(\\d+)([mg])")
                .matcher(String.valueOf(environment(container).get("JAVA_TOOL_OPTIONS")));
        assertThat(heap.find()).as("identity-server's JAVA_TOOL_OPTIONS set -Xmx").isTrue();
        long heapMebibytes = Long.parseLong(heap.group(1)) * (heap.group(2).equals("g") ? 1024 : 1);
        long limitMebibytes = mebibytes((String) at(container, "resources.limits.memory"));

        // Class data, compiled code, compiler arenas and threads: about 220-260 MiB at peak under load
        // (docs/benchmarks.md "Fourth round (2026-12-08): memory and start-up"). A heap raised without the limit gets
        // the pod killed.
        assertThat(limitMebibytes - heapMebibytes).as("memory limit minus heap, MiB").isGreaterThanOrEqualTo(320);
        assertThat(at(container, "resources.requests.memory")).isEqualTo(at(container, "resources.limits.memory"));
    }

    @Test
    void identityServersOldGenerationHoldsThePooledPasswordHashBuffersAndTheLiveSet() {
        Map<String, Object> container = containers().stream()
                .filter(c -> "identity-server".equals(c.get("name"))).findFirst().orElseThrow();
        Map<String, Object> settings = environment(container);
        String flags = String.valueOf(settings.get("JAVA_TOOL_OPTIONS"));
        long heap = flagMebibytes(flags, "-Xmx");
        long young = flagMebibytes(flags, "-Xmn");
        Object hashes = settings.get("SIGNET_PASSWORDS_MAXCONCURRENTHASHES");
        assertThat(hashes).as("identity-server's concurrent password hashes are set with its CPU limit").isNotNull();

        // Each concurrent hash keeps a 19 MiB Argon2id buffer (signet.passwords.argon2.memory-kib) in the old
        // generation for reuse; the rest of the live set is about 45 MiB, with headroom 64. Less, and every young
        // collection is followed by a full one (docs/benchmarks.md "Fourth round (2026-12-08): memory and start-up").
        long buffers = 19 * Long.parseLong(String.valueOf(hashes));
        assertThat(heap - young).as("old generation (-Xmx minus -Xmn), MiB").isGreaterThanOrEqualTo(buffers + 64);
    }

    private static long flagMebibytes(String flags, String flag) {
        Matcher matcher = Pattern.compile(Pattern.quote(flag) + "(\\d+)([mg])").matcher(flags);
        assertThat(matcher.find()).as("JAVA_TOOL_OPTIONS set " + flag).isTrue();
        return Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("g") ? 1024 : 1);
    }

    private static long mebibytes(String quantity) {
        Matcher matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as(quantity + " in Mi or Gi").isTrue();
        return Long.parseLong(matcher.group(1)) * (matcher.group(2).equals("Gi") ? 1024 : 1);
    }

    @Test
    void everyVariableOfTheProductionConfigurationIsSuppliedAndEverySecretComesFromTheSecret() throws Exception {
        Map<String, Object> container = containers().stream()
                .filter(c -> "identity-server".equals(c.get("name"))).findFirst().orElseThrow();
        Map<String, Object> settings = environment(container);
        Map<String, String> secrets = secretReferences(container);

        Matcher variables = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}")
                .matcher(Files.readString(PRODUCTION_CONFIG));
        List<String> required = new ArrayList<>();
        while (variables.find()) {
            String variable = variables.group(1);
            boolean secret = SECRET_VARIABLE.matcher(variable).find();
            if (secret) {
                assertThat(secrets).as(variable + " comes from a Secret").containsKey(variable);
                assertThat(settings).as(variable + " is never in a ConfigMap").doesNotContainKey(variable);
            }
            if (variables.group(2) == null) {
                required.add(variable);
                assertThat(settings.containsKey(variable) || secrets.containsKey(variable))
                        .as(variable + " has no default and must be supplied").isTrue();
            }
        }
        assertThat(required).contains("SIGNET_ISSUER", "SIGNET_KEYS_ENCRYPTION_KEY", "SPRING_DATASOURCE_URL");
        assertThat(secrets.values()).containsOnly(SECRET_NAME);
        assertThat(ofKind("Secret")).as("no secret value is ever part of the manifests").isEmpty();
    }

    @Test
    void theConfigurationFilesAreMountedWhereTheSettingsPointAndAreTheShippedOnes() throws Exception {
        assertThat(Files.readString(BASE.resolve("identity-server/identity-server-production.yml")))
                .as("the base's copy of deploy/config/identity-server-production.yml")
                .isEqualTo(Files.readString(PRODUCTION_CONFIG));

        Map<String, Object> deployment = named("Deployment", "identity-server");
        Map<String, Object> container = map(list(at(deployment, "spec.template.spec.containers")).get(0));
        Map<String, Object> settings = environment(container);
        Map<String, String> mountedFiles = mountedConfigMapFiles(deployment, container);

        String configLocation = ((String) settings.get("SPRING_CONFIG_ADDITIONAL_LOCATION")).replace("file:", "");
        String clientsFile = ((String) settings.get("SIGNET_CLIENTS_FILE")).replace("file:", "");
        assertThat(mountedFiles.get(configLocation)).isEqualTo(Files.readString(PRODUCTION_CONFIG));
        assertThat(mountedFiles.get(clientsFile)).contains("relying-parties:");
    }

    @Test
    void everyReferenceNamesSomethingThatExists() {
        Set<String> configMaps = names("ConfigMap");
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, Object> pod = map(at(deployment, "spec.template.spec"));
            assertThat(names("ServiceAccount")).contains((String) pod.get("serviceAccountName"));
            for (Object volume : list(pod.get("volumes"))) {
                for (Object source : list(at(map(volume), "projected.sources"))) {
                    assertThat(configMaps).contains((String) at(map(source), "configMap.name"));
                }
            }
            for (Object container : list(pod.get("containers"))) {
                for (Object from : list(map(container).get("envFrom"))) {
                    assertThat(configMaps).contains((String) at(map(from), "configMapRef.name"));
                }
            }
        }
        for (Map<String, Object> autoscaler : ofKind("HorizontalPodAutoscaler")) {
            assertThat(at(autoscaler, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(names("Deployment")).contains((String) at(autoscaler, "spec.scaleTargetRef.name"));
            assertThat((Integer) at(autoscaler, "spec.minReplicas")).as(label(autoscaler)).isGreaterThanOrEqualTo(2);
        }
        for (Map<String, Object> ingress : ofKind("Ingress")) {
            for (Object rule : list(at(ingress, "spec.rules"))) {
                for (Object path : list(at(map(rule), "http.paths"))) {
                    Map<String, Object> service = named("Service", (String) at(map(path), "backend.service.name"));
                    assertThat(service).as(label(ingress) + " backend").isNotNull();
                    assertThat(list(at(service, "spec.ports")).stream().map(p -> map(p).get("name")))
                            .contains(at(map(path), "backend.service.port.name"));
                }
            }
        }
    }

    @Test
    void everySelectorSelectsExactlyTheOneDeploymentsPods() {
        List<Map<String, Object>> selecting = new ArrayList<>();
        selecting.addAll(ofKind("Service"));
        selecting.addAll(ofKind("PodDisruptionBudget"));
        selecting.addAll(ofKind("NetworkPolicy"));
        for (Map<String, Object> object : selecting) {
            Map<String, Object> selector = map(switch ((String) object.get("kind")) {
                case "Service" -> at(object, "spec.selector");
                case "PodDisruptionBudget" -> at(object, "spec.selector.matchLabels");
                default -> at(object, "spec.podSelector.matchLabels");
            });
            assertThat(selector).as(label(object)).isNotEmpty();
            List<String> selected = ofKind("Deployment").stream()
                    .filter(d -> map(at(d, "spec.template.metadata.labels")).entrySet()
                            .containsAll(selector.entrySet()))
                    .map(d -> (String) at(d, "metadata.name"))
                    .toList();
            assertThat(selected).as(label(object) + " selects").hasSize(1);
        }
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            assertThat(map(at(deployment, "spec.template.metadata.labels")).entrySet())
                    .containsAll(map(at(deployment, "spec.selector.matchLabels")).entrySet());
        }
    }

    @Test
    void theManagementPortIsReachableOnlyFromMonitoring() {
        for (Map<String, Object> policy : ofKind("NetworkPolicy")) {
            assertThat(list(at(policy, "spec.policyTypes"))).contains("Ingress");
            for (Object each : list(at(policy, "spec.ingress"))) {
                Map<String, Object> rule = map(each);
                boolean management = list(rule.get("ports")).stream()
                        .anyMatch(port -> "management".equals(map(port).get("port"))
                                || Integer.valueOf(MANAGEMENT_PORT).equals(map(port).get("port")));
                assertThat(list(rule.get("ports"))).as(label(policy) + ": a rule without ports opens every port")
                        .isNotEmpty();
                assertThat(list(rule.get("from"))).as(label(policy) + ": a rule without from opens to everyone")
                        .isNotEmpty();
                if (management) {
                    assertThat(list(rule.get("ports"))).hasSize(1);
                    assertThat(list(rule.get("from"))).singleElement().satisfies(from -> assertThat(
                            at(map(from), "namespaceSelector.matchLabels"))
                            .isEqualTo(Map.of("kubernetes.io/metadata.name", "monitoring")));
                }
            }
        }
        for (Map<String, Object> service : ofKind("Service")) {
            if (!String.valueOf(at(service, "metadata.name")).endsWith("-management")) {
                assertThat(list(at(service, "spec.ports")).stream().map(port -> map(port).get("targetPort")))
                        .as(label(service) + " must not route the management port").doesNotContain("management");
            }
        }
    }

    private static List<Map<String, Object>> ofKind(String kind) {
        return production.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    private static Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(at(object, "metadata.name"))).findFirst()
                .orElse(null);
    }

    private static Set<String> names(String kind) {
        Set<String> names = new HashSet<>();
        ofKind(kind).forEach(object -> names.add((String) at(object, "metadata.name")));
        return names;
    }

    private static List<Map<String, Object>> containers() {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            list(at(deployment, "spec.template.spec.containers")).forEach(c -> containers.add(map(c)));
        }
        assertThat(containers).hasSize(2);
        return containers;
    }

    private static Map<String, Object> namedPorts(Map<String, Object> container) {
        Map<String, Object> ports = new LinkedHashMap<>();
        list(container.get("ports")).forEach(port -> ports.put((String) map(port).get("name"),
                map(port).get("containerPort")));
        return ports;
    }

    /** The plain variables of a container: its ConfigMaps (envFrom) and literal values. */
    private static Map<String, Object> environment(Map<String, Object> container) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"))) {
            Map<String, Object> configMap = named("ConfigMap", (String) at(map(from), "configMapRef.name"));
            variables.putAll(map(configMap.get("data")));
        }
        for (Object variable : list(container.get("env"))) {
            if (map(variable).containsKey("value")) {
                variables.put((String) map(variable).get("name"), map(variable).get("value"));
            }
        }
        return variables;
    }

    /** Variable name to the Secret it is read from. */
    private static Map<String, String> secretReferences(Map<String, Object> container) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Object variable : list(container.get("env"))) {
            Object reference = at(map(variable), "valueFrom.secretKeyRef");
            if (reference != null) {
                assertThat(map(reference).get("key")).isEqualTo(map(variable).get("name"));
                secrets.put((String) map(variable).get("name"), (String) map(reference).get("name"));
            }
        }
        return secrets;
    }

    /** Absolute path of every file the container sees from a ConfigMap volume, to its content. */
    private static Map<String, String> mountedConfigMapFiles(Map<String, Object> deployment,
                                                             Map<String, Object> container) {
        Map<String, String> files = new LinkedHashMap<>();
        for (Object mount : list(container.get("volumeMounts"))) {
            String volumeName = (String) map(mount).get("name");
            String mountPath = (String) map(mount).get("mountPath");
            for (Object volume : list(at(deployment, "spec.template.spec.volumes"))) {
                if (!volumeName.equals(map(volume).get("name"))) {
                    continue;
                }
                List<Object> sources = new ArrayList<>(list(at(map(volume), "projected.sources")));
                if (map(volume).containsKey("configMap")) {
                    sources.add(map(volume));
                }
                for (Object source : sources) {
                    Map<String, Object> configMap = named("ConfigMap", (String) at(map(source), "configMap.name"));
                    map(configMap.get("data")).forEach((key, content) ->
                            files.put(mountPath + "/" + key, (String) content));
                }
            }
        }
        return files;
    }

    private static String name(Map<String, Object> container) {
        return (String) container.get("name");
    }

    private static String label(Map<String, Object> object) {
        return object.get("kind") + "/" + at(object, "metadata.name");
    }
}
