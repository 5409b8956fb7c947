package dev.signet.server.oidc.authorization;

import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.io.StringWriter;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponseType;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A purpose-built encoding of an authorization's attributes and token metadata, written and read with Jackson's
 * streaming API instead of its data binding. Spring Security's typed Jackson modules resolve a class and a
 * deserializer for every value, which made decoding and encoding a stored authorization a large share of a refresh;
 * here the values an authorization actually holds are written directly, as JSON with a one-letter tag for what JSON
 * cannot say by itself:
 * <ul>
 * <li>strings, booleans, {@code int}s and {@code null} as themselves; a map with string keys as an object (read back as
 * a {@link LinkedHashMap});</li>
 * <li>{@code ["L", n]} a {@code Long}, {@code ["D", x]} a {@code Double}, {@code ["I", seconds, nanos]} an
 * {@link Instant}, {@code ["U", text]} a {@link URL} (the {@code iss} claim), {@code ["T", millis]} a {@link Date}
 * (the ID token's {@code auth_time}), {@code ["l", ...]} a list, {@code ["s", ...]} a set (read back in order), {@code ["a", ...]} a
 * {@code String[]};</li>
 * <li>{@code ["C", accountId, seconds, nanos, level]} a {@link CitizenAuthentication} (the three values that define
 * it, as {@link AuthorizationJson} keeps them) and {@code ["R", ...]} an authorization code request;</li>
 * <li>anything else {@code ["J", json]}: the value through {@link AuthorizationJson#mapper()}, with the same allow-list
 * of types as before, so nothing new can be instantiated from stored data.</li>
 * </ul>
 * Every JSON array is tagged, so a tag can never be mistaken for data.
 */
public final class CompactValues {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonFactory factory = new JsonFactory();
    private final JsonMapper fallback;

    public CompactValues(JsonMapper fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** The map (attributes or metadata) encoded. */
    public String write(Map<String, Object> values) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = factory.createGenerator(ObjectWriteContext.empty(), text)) {
            writeMap(out, values);
        }
        return text.toString();
    }

    /** A map written by {@link #write}. */
    public Map<String, Object> read(String text) {
        try (JsonParser in = factory.createParser(ObjectReadContext.empty(), text)) {
            JsonToken first = in.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not an encoded map: " + first);
            }
            return readMap(in);
        }
    }

    private void writeMap(JsonGenerator out, Map<?, ?> map) {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.writeName((String) entry.getKey());
            writeValue(out, entry.getValue());
        }
        out.writeEndObject();
    }

    private void writeValue(JsonGenerator out, Object value) {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String string) {
            out.writeString(string);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            out.writeNumber(number);
        } else if (value instanceof Long number) {
            tagged(out, "L").writeNumber(number);
            out.writeEndArray();
        } else if (value instanceof Double number && Double.isFinite(number)) { // JSON has no NaN or infinity
            tagged(out, "D").writeNumber(number);
            out.writeEndArray();
        } else if (value instanceof Instant instant) {
            tagged(out, "I").writeNumber(instant.getEpochSecond());
            out.writeNumber(instant.getNano());
            out.writeEndArray();
        } else if (value instanceof URL url) {
            tagged(out, "U").writeString(url.toExternalForm());
            out.writeEndArray();
        } else if (value instanceof Date date) {
            tagged(out, "T").writeNumber(date.getTime());
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
            writeMap(out, map);
        } else if (value instanceof List<?> list) {
            writeItems(tagged(out, "l"), list);
        } else if (value instanceof Set<?> set) {
            writeItems(tagged(out, "s"), set);
        } else if (value instanceof String[] strings) {
            writeItems(tagged(out, "a"), List.of(strings));
        } else if (value instanceof CitizenAuthentication citizen) {
            tagged(out, "C").writeString(citizen.accountId().toString());
            out.writeNumber(citizen.authTime().getEpochSecond());
            out.writeNumber(citizen.authTime().getNano());
            out.writeString(citizen.trustLevel().name());
            out.writeEndArray();
        } else if (value instanceof OAuth2AuthorizationRequest request && isCodeRequest(request)) {
            tagged(out, "R").writeString(request.getAuthorizationUri());
            out.writeString(request.getClientId());
            out.writeString(request.getRedirectUri());
            writeValue(out, request.getScopes());
            out.writeString(request.getState());
            writeValue(out, request.getAdditionalParameters());
            out.writeString(request.getAuthorizationRequestUri());
            writeValue(out, request.getAttributes());
            out.writeEndArray();
        } else {
            Map<String, Object> wrapped = new HashMap<>(2); // a type the allow-list reads back, unlike Map.of
            wrapped.put("v", value);
            tagged(out, "J").writeString(fallback.writeValueAsString(wrapped));
            out.writeEndArray();
        }
    }

    private static JsonGenerator tagged(JsonGenerator out, String tag) {
        out.writeStartArray();
        out.writeString(tag);
        return out;
    }

    private void writeItems(JsonGenerator out, Collection<?> items) {
        for (Object item : items) {
            writeValue(out, item);
        }
        out.writeEndArray();
    }

    private static boolean isCodeRequest(OAuth2AuthorizationRequest request) {
        return AuthorizationGrantType.AUTHORIZATION_CODE.equals(request.getGrantType())
                && OAuth2AuthorizationResponseType.CODE.equals(request.getResponseType());
    }

    private Map<String, Object> readMap(JsonParser in) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name = in.nextName(); name != null; name = in.nextName()) {
            in.nextToken();
            map.put(name, readValue(in));
        }
        return map;
    }

    /** The value at the parser's current token. */
    private Object readValue(JsonParser in) {
        JsonToken token = in.currentToken();
        return switch (token) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> in.getString();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> in.getIntValue();
            case START_OBJECT -> readMap(in);
            case START_ARRAY -> readTagged(in);
            default -> throw new IllegalArgumentException("unexpected " + token);
        };
    }

    private Object readTagged(JsonParser in) {
        String tag = in.nextStringValue();
        Object value = switch (tag == null ? "" : tag) {
            case "L" -> {
                in.nextToken();
                yield in.getLongValue();
            }
            case "D" -> {
                in.nextToken();
                yield in.getDoubleValue();
            }
            case "I" -> {
                in.nextToken();
                long seconds = in.getLongValue();
                in.nextToken();
                yield Instant.ofEpochSecond(seconds, in.getIntValue());
            }
            case "U" -> url(in.nextStringValue());
            case "T" -> {
                in.nextToken();
                yield new Date(in.getLongValue());
            }
            case "l" -> {
                List<Object> list = new ArrayList<>();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(in));
                }
                yield list;
            }
            case "s" -> {
                Set<Object> set = new LinkedHashSet<>();
                while (in.nextToken() != JsonToken.END_ARRAY) {
                    set.add(readValue(in));
                }
                yield set;
            }
            case "a" -> {
                List<String> strings = new ArrayList<>();
                for (String item = in.nextStringValue(); item != null; item = in.nextStringValue()) {
                    strings.add(item);
                }
                yield strings.toArray(String[]::new);
            }
            case "C" -> {
                UUID accountId = UUID.fromString(in.nextStringValue());
                in.nextToken();
                long seconds = in.getLongValue();
                in.nextToken();
                Instant authTime = Instant.ofEpochSecond(seconds, in.getIntValue());
                yield new CitizenAuthentication(accountId, authTime,
                        CredentialTrustLevel.valueOf(in.nextStringValue()));
            }
            case "R" -> readCodeRequest(in);
            case "J" -> fallback.readValue(in.nextStringValue(), MAP).get("v");
            default -> throw new IllegalArgumentException("unknown tag " + tag);
        };
        // "l", "s" and "a" stopped on their END_ARRAY; the others stop on their last item.
        if (in.currentToken() != JsonToken.END_ARRAY && in.nextToken() != JsonToken.END_ARRAY) {
            throw new IllegalArgumentException("tag " + tag + " has more items than it should");
        }
        return value;
    }

    private static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL", e);
        }
    }

    @SuppressWarnings("unchecked")
    private OAuth2AuthorizationRequest readCodeRequest(JsonParser in) {
        String authorizationUri = in.nextStringValue();
        String clientId = in.nextStringValue();
        String redirectUri = in.nextStringValue();
        in.nextToken();
        Set<String> scopes = (Set<String>) readValue(in);
        String state = in.nextStringValue();
        in.nextToken();
        Map<String, Object> additionalParameters = (Map<String, Object>) readValue(in);
        String authorizationRequestUri = in.nextStringValue();
        in.nextToken();
        Map<String, Object> attributes = (Map<String, Object>) readValue(in);
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(authorizationUri)
                .clientId(clientId)
                .redirectUri(redirectUri)
                .scopes(scopes)
                .state(state)
                .additionalParameters(additionalParameters)
                .authorizationRequestUri(authorizationRequestUri)
                .attributes(attributes)
                .build();
    }
}
