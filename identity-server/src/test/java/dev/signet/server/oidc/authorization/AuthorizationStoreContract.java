package dev.signet.server.oidc.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** The behaviour every {@link AuthorizationStore} adapter must have. Subclasses supply the adapter. */
public abstract class AuthorizationStoreContract {

    protected static final RegisteredClient CLIENT = RegisteredClient.withId("contract-rp")
            .clientId("contract-rp").clientSecret("{noop}not-used")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
            .redirectUri("https://rp.example.gov.uk/callback").scope("openid").build();

    private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType("id_token");
    private static final Base64StringKeyGenerator RANDOM =
            new Base64StringKeyGenerator(java.util.Base64.getUrlEncoder().withoutPadding(), 32);

    protected abstract AuthorizationStore store();

    /** An authorization as the code grant leaves it: code (used), access, refresh and ID token. */
    protected static OAuth2Authorization granted(CitizenAuthentication citizen, String sid) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String state = RANDOM.generateKey();
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://localhost/oauth2/authorize").clientId(CLIENT.getClientId())
                .redirectUri("https://rp.example.gov.uk/callback").scopes(Set.of("openid")).state(state)
                .additionalParameters(Map.of("nonce", "n-0S6_WzA2Mj")).build();
        Map<String, Object> idClaims = new LinkedHashMap<>();
        idClaims.put("iss", "http://localhost:8080");
        idClaims.put("sub", citizen.getName());
        idClaims.put("aud", Collections.singletonList(CLIENT.getClientId()));
        idClaims.put("iat", now);
        idClaims.put("exp", now.plus(Duration.ofMinutes(30)));
        idClaims.put("sid", sid);
        OidcIdToken idToken = new OidcIdToken("eyJ.id." + RANDOM.generateKey(), now, now.plus(Duration.ofMinutes(30)),
                idClaims);
        return OAuth2Authorization.withRegisteredClient(CLIENT)
                .id(UUID.randomUUID().toString())
                .principalName(citizen.getName())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizedScopes(Set.of("openid"))
                .attribute(Principal.class.getName(), citizen)
                .attribute(OAuth2AuthorizationRequest.class.getName(), request)
                .token(new OAuth2AuthorizationCode(RANDOM.generateKey(), now, now.plus(Duration.ofMinutes(5))),
                        metadata -> metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, true))
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, RANDOM.generateKey(), now,
                        now.plus(Duration.ofMinutes(10)), Set.of("openid")))
                .refreshToken(new OAuth2RefreshToken(RANDOM.generateKey(), now, now.plus(Duration.ofHours(8))))
                .token(idToken, metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME,
                        idToken.getClaims()))
                .build();
    }

    /** The same family after one refresh: new access and refresh tokens replace the old ones. */
    protected static OAuth2Authorization rotated(OAuth2Authorization authorization) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return OAuth2Authorization.from(authorization)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, RANDOM.generateKey(), now,
                        now.plus(Duration.ofMinutes(10)), Set.of("openid")))
                .refreshToken(new OAuth2RefreshToken(RANDOM.generateKey(), now, now.plus(Duration.ofHours(8))))
                .build();
    }

    protected static CitizenAuthentication citizen() {
        return new CitizenAuthentication(UUID.randomUUID(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                CredentialTrustLevel.MEDIUM);
    }

    @Test
    void savedAuthorizationIsFoundByIdWithItsPrincipalRequestAndTokens() {
        CitizenAuthentication citizen = citizen();
        OAuth2Authorization saved = granted(citizen, "sid-1");
        store().save(saved);

        OAuth2Authorization found = store().findById(saved.getId());

        assertThat(found).isNotNull();
        assertThat(found.getRegisteredClientId()).isEqualTo(CLIENT.getId());
        assertThat(found.getPrincipalName()).isEqualTo(citizen.getName());
        assertThat(found.getAuthorizedScopes()).containsExactly("openid");
        assertThat((Object) found.getAttribute(Principal.class.getName())).isEqualTo(citizen);
        OAuth2AuthorizationRequest request = found.getAttribute(OAuth2AuthorizationRequest.class.getName());
        assertThat(request.getState()).isEqualTo(
                ((OAuth2AuthorizationRequest) saved.getAttribute(OAuth2AuthorizationRequest.class.getName()))
                        .getState());
        assertThat(request.getAdditionalParameters()).containsEntry("nonce", "n-0S6_WzA2Mj");
        assertThat(found.getAccessToken().getToken().getTokenValue())
                .isEqualTo(saved.getAccessToken().getToken().getTokenValue());
        assertThat(found.getAccessToken().getToken().getExpiresAt())
                .isEqualTo(saved.getAccessToken().getToken().getExpiresAt());
        assertThat(found.getAccessToken().getToken().getScopes()).containsExactly("openid");
        assertThat(found.getAccessToken().isActive()).isTrue();
        assertThat(found.getRefreshToken().getToken().getTokenValue())
                .isEqualTo(saved.getRefreshToken().getToken().getTokenValue());
        assertThat(found.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
        OidcIdToken idToken = found.getToken(OidcIdToken.class).getToken();
        assertThat(idToken.getTokenValue()).isEqualTo(saved.getToken(OidcIdToken.class).getToken().getTokenValue());
        assertThat(idToken.getClaimAsString("sid")).isEqualTo("sid-1");
        assertThat(idToken.getSubject()).isEqualTo(citizen.getName());
    }

    @Test
    void claimsBuiltWithJdkImmutableCollectionsRoundTrip() {
        OAuth2Authorization granted = granted(citizen(), "sid-immutable");
        OidcIdToken original = granted.getToken(OidcIdToken.class).getToken();
        Map<String, Object> claims = new LinkedHashMap<>(original.getClaims());
        claims.put("vtm", List.of("https://signet.example/trustmark"));
        claims.put("extra", Map.of("nested", List.of(1, 2), "set", Set.of("a")));
        OidcIdToken idToken = new OidcIdToken(original.getTokenValue(), original.getIssuedAt(),
                original.getExpiresAt(), claims);
        store().save(OAuth2Authorization.from(granted).token(idToken,
                metadata -> metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, Map.copyOf(claims))).build());

        OidcIdToken found = store().findById(granted.getId()).getToken(OidcIdToken.class).getToken();

        assertThat(found.getClaimAsStringList("vtm")).containsExactly("https://signet.example/trustmark");
        assertThat(found.getClaimAsString("sid")).isEqualTo("sid-immutable");
        assertThat(found.getClaimAsMap("extra")).containsEntry("nested", List.of(1, 2));
    }

    @Test
    void authorizationIsFoundByEveryTokenValueWithAndWithoutItsType() {
        OAuth2Authorization saved = granted(citizen(), "sid-2");
        store().save(saved);
        String code = saved.getToken(OAuth2AuthorizationCode.class).getToken().getTokenValue();
        String access = saved.getAccessToken().getToken().getTokenValue();
        String refresh = saved.getRefreshToken().getToken().getTokenValue();
        String id = saved.getToken(OidcIdToken.class).getToken().getTokenValue();

        assertThat(store().findByToken(code, new OAuth2TokenType(OAuth2ParameterNames.CODE)).getId())
                .isEqualTo(saved.getId());
        assertThat(store().findByToken(access, OAuth2TokenType.ACCESS_TOKEN).getId()).isEqualTo(saved.getId());
        assertThat(store().findByToken(refresh, OAuth2TokenType.REFRESH_TOKEN).getId()).isEqualTo(saved.getId());
        assertThat(store().findByToken(id, ID_TOKEN).getId()).isEqualTo(saved.getId());
        assertThat(store().findByToken(access, null).getId()).isEqualTo(saved.getId());
        assertThat(store().findByToken(refresh, null).getId()).isEqualTo(saved.getId());
    }

    @Test
    void tokenIsNotFoundUnderAnotherTypeOrWhenUnknown() {
        OAuth2Authorization saved = granted(citizen(), "sid-3");
        store().save(saved);

        assertThat(store().findByToken(saved.getAccessToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(store().findByToken("no-such-token", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(store().findByToken("no-such-token", null)).isNull();
        assertThat(store().findById(UUID.randomUUID().toString())).isNull();
    }

    @Test
    void authorizationWaitingForConsentIsFoundByState() {
        OAuth2Authorization granted = granted(citizen(), "sid-4");
        OAuth2Authorization pending = OAuth2Authorization.withRegisteredClient(CLIENT).id(UUID.randomUUID().toString())
                .principalName(granted.getPrincipalName())
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .attribute(OAuth2ParameterNames.STATE, "consent-state-" + UUID.randomUUID())
                .attribute(Principal.class.getName(), granted.getAttribute(Principal.class.getName()))
                .build();
        store().save(pending);

        OAuth2TokenType state = new OAuth2TokenType(OAuth2ParameterNames.STATE);
        assertThat(store().findByToken(pending.<String>getAttribute(OAuth2ParameterNames.STATE), state).getId())
                .isEqualTo(pending.getId());
    }

    @Test
    void rotationReplacesTheRefreshAndAccessTokens() {
        OAuth2Authorization first = granted(citizen(), "sid-5");
        store().save(first);
        OAuth2Authorization second = rotated(first);
        store().save(second);

        assertThat(store().findByToken(first.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN)).isNull();
        assertThat(store().findByToken(first.getAccessToken().getToken().getTokenValue(),
                OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(store().findByToken(second.getRefreshToken().getToken().getTokenValue(),
                OAuth2TokenType.REFRESH_TOKEN).getId()).isEqualTo(first.getId());
    }

    @Test
    void invalidatedTokenIsStoredAsInactive() {
        OAuth2Authorization saved = granted(citizen(), "sid-6");
        OAuth2RefreshToken refresh = saved.getRefreshToken().getToken();
        store().save(OAuth2Authorization.from(saved).invalidate(refresh).build());

        OAuth2Authorization found = store().findByToken(refresh.getTokenValue(), OAuth2TokenType.REFRESH_TOKEN);
        assertThat(found.getRefreshToken().isActive()).isFalse();
    }

    @Test
    void removedAuthorizationIsNotFoundByAnyToken() {
        OAuth2Authorization saved = granted(citizen(), "sid-7");
        store().save(saved);

        store().remove(saved);

        assertThat(store().findById(saved.getId())).isNull();
        assertThat(store().findByToken(saved.getAccessToken().getToken().getTokenValue(), null)).isNull();
        assertThat(store().findByToken(saved.getRefreshToken().getToken().getTokenValue(), null)).isNull();
        assertThat(store().findByPrincipalName(saved.getPrincipalName())).isEmpty();
    }

    @Test
    void refreshTokenIsClaimedOnceAndEveryLaterClaimIsReuseOfItsFamily() {
        OAuth2Authorization saved = granted(citizen(), "sid-8");
        String refresh = saved.getRefreshToken().getToken().getTokenValue();
        Instant expiresAt = saved.getRefreshToken().getToken().getExpiresAt();

        assertThat(store().familyOfClaimedRefreshToken(refresh)).isEmpty();
        assertThat(store().claimRefreshToken(refresh, saved.getId(), expiresAt))
                .isEqualTo(new RefreshTokenClaim.FirstUse());
        assertThat(store().claimRefreshToken(refresh, saved.getId(), expiresAt))
                .isEqualTo(new RefreshTokenClaim.Reuse(saved.getId()));
        assertThat(store().familyOfClaimedRefreshToken(refresh)).contains(saved.getId());
    }

    @Test
    void revokedFamilyIsGoneAndCannotBeWrittenBackByARotationInFlight() {
        OAuth2Authorization first = granted(citizen(), "sid-9");
        store().save(first);
        OAuth2Authorization inFlight = rotated(first);

        store().revokeFamily(first.getId(), Instant.now().plus(Duration.ofHours(8)));

        assertThat(store().findById(first.getId())).isNull();
        assertThat(store().findByToken(first.getRefreshToken().getToken().getTokenValue(), null)).isNull();
        assertThatThrownBy(() -> store().save(inFlight))
                .isInstanceOf(AuthorizationStore.FamilyRevokedException.class);
        assertThat(store().findByToken(inFlight.getRefreshToken().getToken().getTokenValue(), null)).isNull();
    }

    @Test
    void authorizationsAreFoundByPrincipal() {
        CitizenAuthentication citizen = citizen();
        OAuth2Authorization one = granted(citizen, "sid-a");
        OAuth2Authorization two = granted(citizen, "sid-b");
        OAuth2Authorization someoneElse = granted(citizen(), "sid-a");
        store().save(one);
        store().save(two);
        store().save(someoneElse);

        assertThat(store().findByPrincipalName(citizen.getName())).extracting(OAuth2Authorization::getId)
                .containsExactlyInAnyOrder(one.getId(), two.getId());
    }
}
