package dev.signet.deploy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatException;
import io.kubernetes.client.custom.QuantityFormatter;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a Kubernetes object, as parsed from YAML, against the Kubernetes API schema, strictly: every field must exist
 * in the API type at that place (a misspelt field is an error, not silently dropped as the API server's non-strict
 * mode would), every required field must be present, and every value must have the schema's type (no "3" for an
 * integer, no number for a string, a valid quantity for CPU and memory).
 *
 * <p>The schema is the one Kubernetes publishes as OpenAPI, in the form of the Kubernetes Java client's generated
 * models ({@code io.kubernetes:client-java-api}): each model class has one field per schema property (named by
 * {@code @SerializedName}, typed by the schema) and lists the schema's required properties in
 * {@code openapiRequiredFields}. The generated {@code validateJsonElement} of the top-level type runs as well, so the
 * check is never weaker than the client's own.
 */
final class KubernetesSchema {

    /** The kinds these manifests use, by {@code apiVersion/kind}. Anything else is reported, never waved through. */
    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1/Namespace", V1Namespace.class,
            "v1/ServiceAccount", V1ServiceAccount.class,
            "v1/ConfigMap", V1ConfigMap.class,
            "v1/Secret", V1Secret.class,
            "v1/Service", V1Service.class,
            "apps/v1/Deployment", V1Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", V1Ingress.class);

    private static final String MODELS = V1Deployment.class.getPackageName();

    private KubernetesSchema() {
    }

    /** Every problem found in one object, each naming its path (e.g. {@code Deployment/x: spec.replicas: ...}). */
    static List<String> problems(Map<?, ?> document) {
        List<String> problems = new ArrayList<>();
        Object apiVersion = document.get("apiVersion");
        Object kind = document.get("kind");
        Object metadata = document.get("metadata");
        Object name = metadata instanceof Map<?, ?> meta ? meta.get("name") : null;
        String label = kind + "/" + name;
        Class<?> model = KINDS.get(apiVersion + "/" + kind);
        if (model == null) {
            problems.add(label + ": apiVersion '" + apiVersion + "' kind '" + kind
                    + "' is not a kind these manifests are checked for: " + KINDS.keySet());
            return problems;
        }
        object(document, model, "", problems);
        clientValidation(document, model).ifPresent(problems::add);
        return problems.stream().map(problem -> label + ": " + problem).toList();
    }

    private static void object(Object value, Class<?> model, String path, List<String> problems) {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(at(path) + "expected an object (" + model.getSimpleName() + "), found " + describe(value));
            return;
        }
        Map<String, Field> fields = fields(model);
        for (String required : requiredFields(model)) {
            if (map.get(required) == null) {
                problems.add(at(path) + "required field '" + required + "' of " + model.getSimpleName()
                        + " is missing");
            }
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Field field = fields.get(key);
            String here = path.isEmpty() ? key : path + "." + key;
            if (field == null) {
                problems.add(at(here) + "unknown field '" + key + "' in " + model.getSimpleName()
                        + nearest(key, fields.keySet()).map(known -> " (did you mean '" + known + "'?)").orElse(""));
                continue;
            }
            value(entry.getValue(), field.getGenericType(), here, problems);
        }
    }

    private static void value(Object value, Type type, String path, List<String> problems) {
        if (value == null) {
            return; // an absent optional value; required ones are checked by their object
        }
        Class<?> raw = raw(type);
        if (raw == String.class || raw == OffsetDateTime.class || raw == byte[].class) {
            expect(value instanceof String, "a string", value, path, problems);
        } else if (raw == Integer.class) {
            expect(value instanceof Integer, "an integer (int32)", value, path, problems);
        } else if (raw == Long.class) {
            expect(value instanceof Integer || value instanceof Long
                    || value instanceof BigInteger big && big.bitLength() < 64, "an integer (int64)", value, path,
                    problems);
        } else if (raw == Double.class || raw == Float.class || raw == BigDecimal.class) {
            expect(value instanceof Number, "a number", value, path, problems);
        } else if (raw == Boolean.class) {
            expect(value instanceof Boolean, "a boolean", value, path, problems);
        } else if (raw == IntOrString.class) {
            expect(value instanceof Integer || value instanceof String, "an integer or a string", value, path,
                    problems);
        } else if (raw == Quantity.class) {
            quantity(value, path, problems);
        } else if (raw == Object.class) {
            // free-form in the schema (e.g. raw extension data): any value
        } else if (List.class.isAssignableFrom(raw)) {
            if (expect(value instanceof List<?>, "a list", value, path, problems)) {
                Type element = argument(type, 0);
                List<?> list = (List<?>) value;
                for (int i = 0; i < list.size(); i++) {
                    value(list.get(i), element, path + "[" + i + "]", problems);
                }
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            if (expect(value instanceof Map<?, ?>, "a map", value, path, problems)) {
                Type element = argument(type, 1);
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    expect(entry.getKey() instanceof String, "string keys", entry.getKey(), path, problems);
                    value(entry.getValue(), element, path + "." + entry.getKey(), problems);
                }
            }
        } else if (raw.isEnum()) {
            List<String> allowed = enumValues(raw);
            if (!allowed.contains(String.valueOf(value)) || !(value instanceof String)) {
                problems.add(at(path) + "expected one of " + allowed + ", found " + describe(value));
            }
        } else if (raw.getPackageName().equals(MODELS)) {
            object(value, raw, path, problems);
        } else {
            problems.add(at(path) + "the checker does not know the schema type " + raw.getName());
        }
    }

    private static void quantity(Object value, String path, List<String> problems) {
        if (!(value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double)) {
            problems.add(at(path) + "expected a quantity (e.g. 500m, 1Gi, 2), found " + describe(value));
            return;
        }
        try {
            new QuantityFormatter().parse(String.valueOf(value));
        } catch (QuantityFormatException | NumberFormatException e) {
            problems.add(at(path) + "'" + value + "' is not a Kubernetes quantity (e.g. 500m, 1Gi, 2)");
        }
    }

    /** The client's own generated validation of the whole object (unknown and required fields, shapes). */
    private static Optional<String> clientValidation(Map<?, ?> document, Class<?> model) {
        JsonElement json = new Gson().toJsonTree(document);
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, json);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            return Optional.of("client-java validation: " + e.getCause().getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client-java model without validateJsonElement: " + model, e);
        }
    }

    private static boolean expect(boolean ok, String expected, Object value, String path, List<String> problems) {
        if (!ok) {
            problems.add(at(path) + "expected " + expected + ", found " + describe(value));
        }
        return ok;
    }

    private static Map<String, Field> fields(Class<?> model) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (Field field : model.getDeclaredFields()) {
            SerializedName name = field.getAnnotation(SerializedName.class);
            if (name != null && !Modifier.isStatic(field.getModifiers())) {
                fields.put(name.value(), field);
            }
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> requiredFields(Class<?> model) {
        try {
            return (Set<String>) model.getField("openapiRequiredFields").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client-java model without openapiRequiredFields: " + model, e);
        }
    }

    private static List<String> enumValues(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                values.add(String.valueOf(type.getMethod("getValue").invoke(constant)));
            } catch (ReflectiveOperationException e) {
                values.add(((Enum<?>) constant).name());
            }
        }
        return values;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalStateException("unexpected schema type " + type);
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }

    /** A known field within two edits of the unknown one: the likely intended spelling. */
    private static Optional<String> nearest(String unknown, Set<String> known) {
        return known.stream()
                .filter(candidate -> distance(unknown.toLowerCase(), candidate.toLowerCase()) <= 2)
                .min(Comparator.comparingInt(candidate -> distance(unknown, candidate)));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String at(String path) {
        return path.isEmpty() ? "" : path + ": ";
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return (value instanceof String ? "the string '" + value + "'" : value.getClass().getSimpleName() + " "
                + value);
    }
}
