package dev.signet.server.oidc.authorization;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.jackson.SecurityJacksonModules;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * The JSON mapper for an authorization's attributes and token metadata: Spring Security's and the authorization
 * server's Jackson modules (with their allow-list of types), plus Signet's principal {@link CitizenAuthentication},
 * which is stored in every authorization a citizen grants.
 */
public final class AuthorizationJson {

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
