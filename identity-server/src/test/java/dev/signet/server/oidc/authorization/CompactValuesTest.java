package dev.signet.server.oidc.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

class CompactValuesTest {

    private final CompactValues values = new CompactValues(AuthorizationJson.mapper());

    @Test
    void everyKindOfValueAnAuthorizationHoldsComesBackEqualAndOfTheSameType() throws Exception {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("string", "a \"quoted\" \u00e9 value");
        written.put("null", null);
        written.put("true", true);
        written.put("int", 42);
        written.put("long", 42L);
        written.put("double", 0.5d);
        written.put("instant", Instant.parse("2026-12-07T21:00:00.123456789Z"));
        written.put("list", List.of("a", 1, List.of()));
        written.put("set", Set.of("openid"));
        written.put("strings", new String[] {"x", "y"});
        written.put("map", Map.of("nested", Map.of("deeper", List.of(1L))));
        written.put("singleton", Collections.singletonList("rp"));
        written.put("iss", URI.create("http://127.0.0.1:8080").toURL());
        written.put("auth_time", new Date(1_796_680_104_947L));

        Map<String, Object> read = values.read(values.write(written));

        assertThat(read).containsOnlyKeys(written.keySet());
        written.forEach((name, value) -> {
            if (value instanceof String[] strings) {
                assertThat(read.get(name)).isInstanceOf(String[].class).isEqualTo(strings);
            } else {
                assertThat(read.get(name)).as(name).isEqualTo(value);
            }
        });
        assertThat(read.get("long")).isInstanceOf(Long.class);
        assertThat(read.get("int")).isInstanceOf(Integer.class);
        assertThat(read.get("iss")).isInstanceOf(java.net.URL.class);
        assertThat(read.get("auth_time")).isInstanceOf(Date.class);
    }

    @Test
    void citizenAndAuthorizationRequestComeBackWithTheirValues() {
        CitizenAuthentication citizen = new CitizenAuthentication(UUID.randomUUID(),
                Instant.parse("2026-12-07T21:00:00.5Z"), CredentialTrustLevel.MEDIUM);
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://localhost/oauth2/authorize").clientId("rp")
                .redirectUri("https://rp.example/callback").scopes(Set.of("openid", "email")).state("s-1")
                .additionalParameters(Map.of("nonce", "n-1", "claims", new String[] {"a", "b"}))
                .attributes(Map.of("when", Instant.EPOCH)).build();

        Map<String, Object> read = values.read(values.write(Map.of(Principal.class.getName(), citizen,
                OAuth2AuthorizationRequest.class.getName(), request)));

        CitizenAuthentication readCitizen = (CitizenAuthentication) read.get(Principal.class.getName());
        assertThat(readCitizen).isEqualTo(citizen);
        assertThat(readCitizen.accountId()).isEqualTo(citizen.accountId());
        assertThat(readCitizen.authTime()).isEqualTo(citizen.authTime());
        assertThat(readCitizen.trustLevel()).isEqualTo(citizen.trustLevel());
        OAuth2AuthorizationRequest readRequest =
                (OAuth2AuthorizationRequest) read.get(OAuth2AuthorizationRequest.class.getName());
        assertThat(readRequest.getAuthorizationUri()).isEqualTo(request.getAuthorizationUri());
        assertThat(readRequest.getClientId()).isEqualTo("rp");
        assertThat(readRequest.getRedirectUri()).isEqualTo(request.getRedirectUri());
        assertThat(readRequest.getScopes()).isEqualTo(request.getScopes());
        assertThat(readRequest.getState()).isEqualTo("s-1");
        assertThat(readRequest.getAdditionalParameters()).containsEntry("nonce", "n-1");
        assertThat((String[]) readRequest.getAdditionalParameters().get("claims")).containsExactly("a", "b");
        assertThat(readRequest.getAuthorizationRequestUri()).isEqualTo(request.getAuthorizationRequestUri());
        assertThat(readRequest.getAttributes()).containsEntry("when", Instant.EPOCH);
    }

    @Test
    void otherTypesGoThroughTheAllowListedMapper() {
        Map<String, Object> read = values.read(values.write(Map.of("authority",
                new SimpleGrantedAuthority("ROLE_CITIZEN"))));

        assertThat(read.get("authority")).isEqualTo(new SimpleGrantedAuthority("ROLE_CITIZEN"));
    }

    @Test
    void aTypeOutsideTheAllowListIsNotInstantiatedFromStoredData() {
        String forged = "{\"x\":[\"J\",\"{\\\"v\\\":[\\\"java.lang.ProcessBuilder\\\",{}]}\"]}";

        assertThatThrownBy(() -> values.read(forged)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void anUnknownTagIsRefused() {
        assertThatThrownBy(() -> values.read("{\"x\":[\"?\",1]}")).isInstanceOf(IllegalArgumentException.class);
    }
}
