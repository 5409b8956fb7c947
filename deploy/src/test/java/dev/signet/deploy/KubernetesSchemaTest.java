package dev.signet.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema check fails on what a person gets wrong in a manifest, and accepts a correct one. */
class KubernetesSchemaTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: example
            spec:
              replicas: 2
              selector:
                matchLabels: {app: example}
              template:
                metadata:
                  labels: {app: example}
                spec:
                  containers:
                    - name: example
                      image: example/image:1
                      ports:
                        - {name: http, containerPort: 8080}
                      livenessProbe:
                        httpGet: {path: /health, port: http}
                      resources:
                        requests: {cpu: 500m, memory: 1Gi}
                      securityContext:
                        readOnlyRootFilesystem: true
            """;

    @Test
    void aCorrectDeploymentHasNoProblems() {
        assertThat(problems(DEPLOYMENT)).isEmpty();
    }

    @Test
    void aMisspeltFieldIsReportedWithTheFieldItProbablyMeant() {
        List<String> problems = problems(DEPLOYMENT.replace("livenessProbe:", "livenesProbe:"));

        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("Deployment/example: spec.template.spec.containers[0].livenesProbe")
                .contains("unknown field 'livenesProbe' in V1Container")
                .contains("did you mean 'livenessProbe'?"));
    }

    @Test
    void aFieldInTheWrongPlaceIsUnknownThere() {
        List<String> problems = problems(DEPLOYMENT.replace("  replicas: 2", "  replicas: 2\n  image: x"));

        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("spec.image: unknown field 'image' in V1DeploymentSpec"));
    }

    @Test
    void aStringWhereTheSchemaWantsAnIntegerIsReported() {
        List<String> problems = problems(DEPLOYMENT.replace("containerPort: 8080", "containerPort: \"8080\""));

        assertThat(problems).anySatisfy(problem -> assertThat(problem)
                .contains("spec.template.spec.containers[0].ports[0].containerPort: expected an integer (int32),"
                        + " found the string '8080'"));
    }

    @Test
    void aWordWhereTheSchemaWantsAnIntegerIsReported() {
        assertThat(problems(DEPLOYMENT.replace("replicas: 2", "replicas: two")))
                .anySatisfy(problem -> assertThat(problem).contains("spec.replicas: expected an integer"));
    }

    @Test
    void aStringWhereTheSchemaWantsABooleanIsReported() {
        assertThat(problems(DEPLOYMENT.replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: \"true\"")))
                .anySatisfy(problem -> assertThat(problem)
                        .contains("readOnlyRootFilesystem: expected a boolean, found the string 'true'"));
    }

    @Test
    void anObjectWhereTheSchemaWantsAListIsReported() {
        assertThat(problems(DEPLOYMENT.replace("- {name: http, containerPort: 8080}", "{name: http, containerPort: 8080}")))
                .anySatisfy(problem -> assertThat(problem).contains("containers[0].ports: expected a list, found a map"));
    }

    @Test
    void aMissingRequiredFieldIsReported() {
        assertThat(problems(DEPLOYMENT.replace("- name: example\n          image:", "- image:")))
                .anySatisfy(problem -> assertThat(problem)
                        .contains("containers[0]: required field 'name' of V1Container is missing"));
        assertThat(problems(DEPLOYMENT.replace("  selector:\n    matchLabels: {app: example}\n", "")))
                .anySatisfy(problem -> assertThat(problem)
                        .contains("spec: required field 'selector' of V1DeploymentSpec is missing"));
    }

    @Test
    void aQuantityKubernetesCannotReadIsReported() {
        assertThat(problems(DEPLOYMENT.replace("memory: 1Gi", "memory: 1GB")))
                .anySatisfy(problem -> assertThat(problem)
                        .contains("resources.requests.memory: '1GB' is not a Kubernetes quantity"));
    }

    @Test
    void aKindOrApiVersionThatIsNotCheckedIsReportedNotSkipped() {
        assertThat(problems(DEPLOYMENT.replace("apiVersion: apps/v1", "apiVersion: apps/v1beta1")))
                .singleElement().asString().contains("apiVersion 'apps/v1beta1' kind 'Deployment' is not a kind");
    }

    private static List<String> problems(String yaml) {
        List<Map<String, Object>> documents = Manifests.parse(yaml);
        assertThat(documents).hasSize(1);
        return KubernetesSchema.problems(documents.get(0));
    }
}
