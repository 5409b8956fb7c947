package dev.signet.admin.relyingparties;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.admin.web.InvalidRequestException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a registration from the JSON object an operator sent, refusing what the API would otherwise drop silently: a
 * field it does not know (a typo such as {@code redirect_uri} must not leave a setting out, as the relying-party file
 * refuses unknown fields too) or a value of the wrong type, each as a problem naming the field.
 */
final class RegistrationDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Set<String> FIELDS = Arrays.stream(RelyingPartyRequest.class.getRecordComponents())
            .map(RegistrationDocuments::jsonName).collect(Collectors.toUnmodifiableSet());

    private RegistrationDocuments() {
    }

    static RelyingPartyRequest read(Map<String, Object> document) {
        for (String name : document.keySet()) {
            if (!FIELDS.contains(name)) {
                throw new InvalidRequestException(name, "Not a field of a relying party (the fields are: "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ").");
            }
        }
        try {
            return JSON.convertValue(document, RelyingPartyRequest.class);
        } catch (JacksonException e) {
            String field = e.getPath().stream().map(reference -> reference.getPropertyName())
                    .filter(Objects::nonNull).findFirst().orElse("body");
            throw new InvalidRequestException(field, "Has the wrong type (lists are JSON arrays of strings, jwks an "
                    + "object, require_pkce true or false).");
        }
    }

    /** The registration as a JSON object without its empty fields, for a merge patch. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> write(RelyingPartyRequest request) {
        return new LinkedHashMap<>(JSON.convertValue(request, Map.class));
    }

    /** The JSON name: {@code @JsonProperty} lands on the accessor (it does not target record components). */
    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null ? property.value() : component.getName();
    }
}
