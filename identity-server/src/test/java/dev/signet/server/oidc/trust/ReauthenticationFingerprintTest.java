package dev.signet.server.oidc.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.junit.jupiter.api.Test;

/** The request that comes back after the citizen signed in again must be recognised as the one that sent them. */
class ReauthenticationFingerprintTest {

    private static OAuth2AuthorizationCodeRequestAuthenticationToken request(String state,
            Map<String, Object> additional) {
        var anonymous = new AnonymousAuthenticationToken("key", "anonymous",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
        return new OAuth2AuthorizationCodeRequestAuthenticationToken("https://signet.example/oauth2/authorize",
                "client", anonymous, "https://rp.example/callback", state, Set.of("openid", "email"), additional);
    }

    @Test
    void theRequestCachesMarkerOnTheReturningRequestDoesNotMakeItAnotherRequest() {
        Map<String, Object> first = Map.of("max_age", "0", "nonce", "n-1");
        Map<String, Object> returning = new HashMap<>(first);
        returning.put(ReauthenticationFilter.REQUEST_CACHE_MARKER, "");

        assertThat(ReauthenticationFilter.fingerprint(request("s-1", returning)))
                .isEqualTo(ReauthenticationFilter.fingerprint(request("s-1", first)));
    }

    @Test
    void anotherStateOrParameterIsAnotherRequest() {
        String original = ReauthenticationFilter.fingerprint(request("s-1", Map.of("max_age", "0")));

        assertThat(ReauthenticationFilter.fingerprint(request("s-2", Map.of("max_age", "0")))).isNotEqualTo(original);
        assertThat(ReauthenticationFilter.fingerprint(request("s-1", Map.of("max_age", "60"))))
                .isNotEqualTo(original);
    }
}
