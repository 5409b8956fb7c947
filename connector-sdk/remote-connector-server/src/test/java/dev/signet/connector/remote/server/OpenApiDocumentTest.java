package dev.signet.connector.remote.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.connector.remote.internal.Operation;
import dev.signet.connector.remote.internal.Protocol;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The protocol's OpenAPI document stays in step with the code that speaks it. */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("..", "remote-connector-protocol", "openapi.yaml");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document() throws IOException {
        try (InputStream in = Files.newInputStream(DOCUMENT)) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
    }

    @Test
    void documentIsOpenApi31WithOnePathPerOperation() throws IOException {
        Map<String, Object> document = document();

        assertThat(document.get("openapi")).isEqualTo("3.1.0");
        assertThat(((Map<?, ?>) document.get("paths")).keySet().stream().map(String::valueOf).toList())
                .containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Operation.values()).map(op -> "/" + op.wireName()).toList());
    }

    @Test
    void everyReferenceResolves() throws IOException {
        Map<String, Object> document = document();
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            Object target = document;
            for (String part : reference.substring(2).split("/")) {
                assertThat(target).as(reference).isInstanceOf(Map.class);
                target = ((Map<?, ?>) target).get(part);
            }
            assertThat(target).as(reference).isNotNull();
        }
    }

    @Test
    void claimNamesAndLimitsMatchTheCode() throws IOException {
        String text = Files.readString(DOCUMENT);

        assertThat(text).contains(Protocol.REQUEST_TYPE, Protocol.RESPONSE_TYPE, Protocol.IN_RESPONSE_TO,
                Protocol.REQUEST_HASH, Protocol.VERIFIED_ATTRIBUTES, Protocol.UNVERIFIED_ATTRIBUTES,
                Protocol.NEXT_CURSOR, Protocol.PROTOCOL_VERSION, "maxLength: " + Protocol.MAX_PASSWORD_LENGTH,
                "maxLength: " + Protocol.MAX_NAME_LENGTH);
    }

    private static void collectReferences(Object node, List<String> references) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    references.add(String.valueOf(value));
                } else {
                    collectReferences(value, references);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, references));
        }
    }
}
