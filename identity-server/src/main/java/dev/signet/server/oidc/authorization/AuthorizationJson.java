package dev.signet.server.oidc.authorization;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The JSON mapper for an authorization's attributes and token metadata: Spring Security's and the authorization
 * server's Jackson modules (with their allow-list of types), plus Signet's principal {@link CitizenAuthentication},
 * which is stored in every authorization a citizen grants.
 */
public final class AuthorizationJson {

    /** Every kind of token an authorization can hold. */
    public static final List<Class<? extends OAuth2Token>> TOKEN_TYPES = List.of(OAuth2AuthorizationCode.class,
            OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class, OAuth2UserCode.class,
            OAuth2DeviceCode.class);

    private AuthorizationJson() {
    }

    public static JsonMapper mapper() {
        BasicPolymorphicTypeValidator.Builder types = BasicPolymorphicTypeValidator.builder()
                .allowIfSubType(CitizenAuthentication.class);
        return JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(AuthorizationJson.class.getClassLoader(), types))
                .addMixIn(CitizenAuthentication.class, CitizenAuthenticationMixin.class)
                .build();
    }

    /**
     * The same authorization with JDK immutable collections ({@code List.of}, {@code Map.of}, ...) in its attributes
     * and token metadata replaced by plain ones: token customizers may put them in claims, and the type allow-list
     * cannot read them back.
     */
    public static OAuth2Authorization plain(OAuth2Authorization authorization) {
        OAuth2Authorization.Builder builder = OAuth2Authorization.from(authorization)
                .attributes(attributes -> attributes.replaceAll((name, value) -> plain(value)));
        for (Class<? extends OAuth2Token> type : TOKEN_TYPES) {
            OAuth2Authorization.Token<? extends OAuth2Token> token = authorization.getToken(type);
            if (token != null) {
                builder.token(token.getToken(), metadata -> metadata.replaceAll((name, value) -> plain(value)));
            }
        }
        return builder.build();
    }

    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, plain(item)));
            return isJdkImmutable(value) || !copy.equals(map) ? copy : value;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(plain(item)));
            return isJdkImmutable(value) || !copy.equals(list) ? copy : value;
        }
        if (value instanceof Set<?> set && isJdkImmutable(value)) {
            Set<Object> copy = new HashSet<>();
            set.forEach(item -> copy.add(plain(item)));
            return copy;
        }
        return value;
    }

    private static boolean isJdkImmutable(Object value) {
        return value.getClass().getName().startsWith("java.util.ImmutableCollections");
    }

    /** Only the three values that define a signed-in citizen; request details are not kept. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE,
            getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class CitizenAuthenticationMixin {

        @JsonCreator
        CitizenAuthenticationMixin(@JsonProperty("accountId") UUID accountId,
                @JsonProperty("authTime") Instant authTime,
                @JsonProperty("trustLevel") CredentialTrustLevel trustLevel) {
        }

        @JsonProperty("accountId")
        abstract UUID accountId();

        @JsonProperty("authTime")
        abstract Instant authTime();

        @JsonProperty("trustLevel")
        abstract CredentialTrustLevel trustLevel();
    }
}
