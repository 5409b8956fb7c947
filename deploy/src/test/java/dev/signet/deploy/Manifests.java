package dev.signet.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the manifests: YAML files as they are, and Kustomize folders rendered by the real kustomize. */
final class Manifests {

    /** deploy/kubernetes, from the module directory Maven runs the tests in. */
    static final Path KUBERNETES = Path.of("kubernetes");

    private Manifests() {
    }

    /** The objects of one or more YAML documents. */
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("a manifest document is not an object: " + document);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) document;
            documents.add(object);
        }
        return documents;
    }

    static List<Map<String, Object>> parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /**
     * The objects a Kustomize folder renders to, with {@code kustomize build} or {@code kubectl kustomize} (kubectl
     * has carried kustomize since 1.14; Debian's and Google's kubectl packages both do).
     */
    static List<Map<String, Object>> render(Path kustomization) throws IOException, InterruptedException {
        Optional<List<String>> kustomize = kustomizeCommand();
        // Without the tool the rendered-overlay checks are skipped, not failed; every file is still checked alone.
        Assumptions.assumeTrue(kustomize.isPresent(), "Rendering the Kustomize overlays needs kustomize or kubectl on"
                + " the PATH (apt-get install kubectl); skipped");
        List<String> command = kustomize.get();
        List<String> full = new ArrayList<>(command);
        full.add(kustomization.toString());
        Path errors = Files.createTempFile("kustomize", ".err");
        try {
            Process process = new ProcessBuilder(full).redirectError(errors.toFile()).start();
            process.getOutputStream().close();
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed: " + Files.readString(errors));
            }
            return parse(output);
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static Optional<List<String>> kustomizeCommand() {
        if (onPath("kustomize")) {
            return Optional.of(List.of("kustomize", "build"));
        }
        if (onPath("kubectl")) {
            return Optional.of(List.of("kubectl", "kustomize"));
        }
        return Optional.empty();
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .anyMatch(Files::isExecutable);
    }

    /**
     * The YAML files a Kustomize folder lists as {@code resources}, following listed folders: whole objects that can
     * be checked without rendering (patches and generated ConfigMaps are not among them).
     */
    static List<Path> resourceFiles(Path kustomization) throws IOException {
        List<Path> files = new ArrayList<>();
        Map<String, Object> declaration = parse(kustomization.resolve("kustomization.yaml")).get(0);
        for (Object entry : list(declaration.get("resources"))) {
            Path resource = kustomization.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(resource)) {
                files.addAll(resourceFiles(resource));
            } else {
                files.add(resource);
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    /** The value at a dotted path of maps, or null. */
    static Object at(Map<String, Object> object, String dottedPath) {
        Object current = object;
        for (String key : dottedPath.split("\\.")) {
            current = map(current).get(key);
        }
        return current;
    }
}
