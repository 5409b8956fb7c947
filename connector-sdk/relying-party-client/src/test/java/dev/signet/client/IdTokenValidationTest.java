package dev.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every way an ID token can be refused, one exception type each, through the public sign-in API. */
class IdTokenValidationTest {

    private static final AuthorizationOptions CL_OR_CLCM = AuthorizationOptions.builder()
            .vectorsOfTrust("Cl.Cm", "Cl").build();

    private ClientFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ClientFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aValidIdTokenCompletesTheSignIn() {
        SignIn signIn = fixture.signIn(CL_OR_CLCM, claims -> claims);

        assertThat(signIn.subject()).isEqualTo("citizen-1");
        assertThat(signIn.idToken().vectorOfTrust()).contains("Cl.Cm");
        assertThat(signIn.idToken().sessionId()).contains("session-1");
        assertThat(signIn.idToken().authTime()).contains(fixture.now().minusSeconds(10));
        assertThat(signIn.idToken().stringClaim("vtm")).contains(fixture.provider.issuer + "/trustmark");
        assertThat(signIn.tokens().accessToken()).isEqualTo(ClientFixture.ACCESS_TOKEN);
        assertThat(signIn.tokens().refreshToken()).contains("refresh-token-1");
        assertThat(signIn.tokens().expiresAt()).contains(fixture.now().plusSeconds(300));
        assertThat(signIn.tokens().toString()).doesNotContain(ClientFixture.ACCESS_TOKEN, "refresh-token-1");
        assertThat(signIn.idToken().toString()).doesNotContain(signIn.idToken().value());
    }

    @Test
    void legacySubjectsAreReadFromTheClaimAndEmptyWithoutIt() {
        SignIn signIn = fixture.signIn(CL_OR_CLCM, claims -> claims.claim("legacy_subjects", List.of(
                Map.of("connector", "vehicle-tax", "subject", "VT-1"),
                Map.of("connector", "vehicle-tax", "subject", "VT-2"))));
        SignIn without = fixture.signIn(CL_OR_CLCM, claims -> claims);

        assertThat(signIn.idToken().legacySubjects()).containsExactly(new LegacySubject("vehicle-tax", "VT-1"),
                new LegacySubject("vehicle-tax", "VT-2"));
        assertThat(without.idToken().legacySubjects()).isEmpty();
    }

    @Test
    void anRs256IdTokenIsAcceptedByDefault() {
        SignIn signIn = fixture.signInWithIdToken(CL_OR_CLCM, pending -> fixture.provider.sign(
                fixture.idTokenClaims(pending).build(), null, JWSAlgorithm.RS256, fixture.provider.rsaKey));

        assertThat(signIn.subject()).isEqualTo("citizen-1");
    }

    @Test
    void anIdTokenThatIsNotAJwtIsMalformed() {
        assertThatThrownBy(() -> fixture.signInWithIdToken(CL_OR_CLCM, pending -> "not-a-jwt"))
                .isInstanceOf(MalformedTokenException.class).hasMessageContaining("not a JWT");
    }

    @Test
    void anUnsignedIdTokenIsRefused() {
        assertThatThrownBy(() -> fixture.signInWithIdToken(CL_OR_CLCM,
                pending -> new PlainJWT(fixture.idTokenClaims(pending).build()).serialize()))
                .isInstanceOf(DisallowedAlgorithmException.class).hasMessageContaining("alg none");
    }

    @Test
    void anHmacSignedIdTokenIsRefusedWhateverItsKey() {
        assertThatThrownBy(() -> fixture.signInWithIdToken(CL_OR_CLCM, pending -> {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("ec-1").build(),
                    fixture.idTokenClaims(pending).build());
            try {
                jwt.sign(new MACSigner(new byte[32]));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        })).isInstanceOf(DisallowedAlgorithmException.class).hasMessageContaining("HS256");
    }

    @Test
    void anAlgorithmLeftOffTheAllowListIsRefused() {
        fixture.client = fixture.builder().allowedAlgorithms("ES256").build();

        assertThatThrownBy(() -> fixture.signInWithIdToken(CL_OR_CLCM, pending -> fixture.provider.sign(
                fixture.idTokenClaims(pending).build(), null, JWSAlgorithm.RS256, fixture.provider.rsaKey)))
                .isInstanceOf(DisallowedAlgorithmException.class).hasMessageContaining("RS256");
    }

    @Test
    void aKidThatIsNotInTheJwksIsRefusedAfterOneRefetch() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();
        fixture.signIn(CL_OR_CLCM, claims -> claims);
        fixture.clock.advance(Duration.ofSeconds(31)); // past the refetch interval, within max-age

        assertThatThrownBy(() -> fixture.signInWithIdToken(CL_OR_CLCM, pending -> fixture.provider.sign(
                fixture.idTokenClaims(pending).build(), null, JWSAlgorithm.ES256, stranger)))
                .isInstanceOf(UnknownSigningKeyException.class).hasMessageContaining("stranger");
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void aSignatureByAnotherKeyUnderSignetsKidIsRefused() throws Exception {
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();

        assertThatThrownBy(() -> fixture.signInWithIdToken(CL_OR_CLCM, pending -> fixture.provider.sign(
                fixture.idTokenClaims(pending).build(), null, JWSAlgorithm.ES256, impostor)))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("ec-1");
    }

    @Test
    void aLogoutTokenPresentedAsAnIdTokenIsRefusedByItsType() {
        assertThatThrownBy(() -> fixture.signInWithIdToken(CL_OR_CLCM, pending -> fixture.provider.sign(
                fixture.idTokenClaims(pending).build(), "logout+jwt")))
                .isInstanceOf(WrongTokenTypeException.class).hasMessageContaining("logout+jwt");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.issuer("https://evil.example")))
                .isInstanceOf(IssuerMismatchException.class).hasMessageContaining("https://evil.example");
    }

    @Test
    void anIdTokenForAnotherClientIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.audience("other-service")))
                .isInstanceOf(AudienceMismatchException.class).hasMessageContaining("other-service");
    }

    @Test
    void severalAudiencesWithoutAzpAreRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM,
                claims -> claims.audience(List.of(ClientFixture.CLIENT_ID, "other-service"))))
                .isInstanceOf(AuthorizedPartyMismatchException.class).hasMessageContaining("no azp");
    }

    @Test
    void anAzpNamingAnotherClientIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.claim("azp", "other-service")))
                .isInstanceOf(AuthorizedPartyMismatchException.class).hasMessageContaining("other-service");
    }

    @Test
    void severalAudiencesWithThisClientAsAzpAreAccepted() {
        SignIn signIn = fixture.signIn(CL_OR_CLCM, claims -> claims
                .audience(List.of(ClientFixture.CLIENT_ID, "other-service")).claim("azp", ClientFixture.CLIENT_ID));

        assertThat(signIn.idToken().audience()).contains("other-service");
    }

    @Test
    void anExpiredIdTokenIsRefusedBeyondTheClockSkew() {
        Instant now = fixture.now();
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims
                .issueTime(Date.from(now.minusSeconds(600))).expirationTime(Date.from(now.minusSeconds(61)))))
                .isInstanceOf(TokenExpiredException.class).hasMessageContaining("expired");
    }

    @Test
    void anIdTokenExpiredWithinTheClockSkewIsAccepted() {
        Instant now = fixture.now();
        SignIn signIn = fixture.signIn(CL_OR_CLCM, claims -> claims.expirationTime(Date.from(now.minusSeconds(59))));

        assertThat(signIn.subject()).isEqualTo("citizen-1");
    }

    @Test
    void theClockSkewIsConfigurableAndBounded() {
        fixture.client = fixture.builder().clockSkew(Duration.ZERO).build();
        Instant now = fixture.now();

        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.expirationTime(Date.from(
                now.minusSeconds(1))))).isInstanceOf(TokenExpiredException.class);
        assertThatThrownBy(() -> fixture.builder().clockSkew(Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 minutes");
    }

    @Test
    void anIdTokenWithoutExpiryIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.expirationTime(null)))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("exp");
    }

    @Test
    void anIdTokenIssuedInTheFutureIsRefused() {
        Instant now = fixture.now();
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.issueTime(Date.from(
                now.plusSeconds(120))))).isInstanceOf(TokenIssuedInFutureException.class)
                .hasMessageContaining("in the future");
    }

    @Test
    void anIdTokenWithoutSubjectIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.subject(null)))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("sub");
    }

    @Test
    void anIdTokenWithAnotherRequestsNonceIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.claim("nonce", "another-nonce")))
                .isInstanceOf(NonceMismatchException.class).hasMessageContaining("another request");
    }

    @Test
    void anIdTokenWithoutNonceIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.claim("nonce", null)))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("nonce");
    }

    @Test
    void anAtHashOfAnotherAccessTokenIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM,
                claims -> claims.claim("at_hash", ClientFixture.atHash("swapped-access-token", "SHA-256"))))
                .isInstanceOf(AccessTokenHashMismatchException.class).hasMessageContaining("at_hash");
    }

    @Test
    void anIdTokenWithoutAtHashIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.claim("at_hash", null)))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("at_hash");
    }

    @Test
    void aPasswordOnlySignInDoesNotMeetARequestForASecondFactor() {
        AuthorizationOptions secondFactor = AuthorizationOptions.builder().vectorsOfTrust("Cl.Cm").build();

        assertThatThrownBy(() -> fixture.signIn(secondFactor, claims -> claims.claim("vot", "Cl")))
                .isInstanceOf(TrustLevelNotMetException.class).hasMessageContaining("vot Cl")
                .hasMessageContaining("[Cl.Cm]");
    }

    @Test
    void withoutVtrTheClientExpectsSignetsDefaultOfASecondFactor() {
        assertThatThrownBy(() -> fixture.signIn(AuthorizationOptions.defaults(), claims -> claims.claim("vot", "Cl")))
                .isInstanceOf(TrustLevelNotMetException.class);
        assertThat(fixture.signIn(AuthorizationOptions.defaults(), claims -> claims).idToken().vectorOfTrust())
                .contains("Cl.Cm");
    }

    @Test
    void aStrongerSignInMeetsAWeakerRequest() {
        AuthorizationOptions password = AuthorizationOptions.builder().vectorsOfTrust("Cl").build();

        assertThat(fixture.signIn(password, claims -> claims.claim("vot", "Cl.Cm")).subject()).isEqualTo("citizen-1");
    }

    @Test
    void anIdTokenWithoutVotIsRefused() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.claim("vot", null)))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("vot");
    }

    @Test
    void aSignInOlderThanMaxAgeIsRefused() {
        AuthorizationOptions fresh = AuthorizationOptions.builder().vectorsOfTrust("Cl")
                .maxAge(Duration.ofMinutes(5)).build();
        Instant now = fixture.now();

        assertThatThrownBy(() -> fixture.signIn(fresh, claims -> claims.claim("auth_time",
                now.minusSeconds(300 + 61).getEpochSecond())))
                .isInstanceOf(AuthenticationTooOldException.class).hasMessageContaining("max_age of 300 s");
        assertThat(fixture.signIn(fresh, claims -> claims.claim("auth_time", now.minusSeconds(300).getEpochSecond()))
                .subject()).isEqualTo("citizen-1");
    }

    @Test
    void maxAgeRequiresAuthTime() {
        AuthorizationOptions fresh = AuthorizationOptions.builder().vectorsOfTrust("Cl")
                .maxAge(Duration.ofMinutes(5)).build();

        assertThatThrownBy(() -> fixture.signIn(fresh, claims -> claims.claim("auth_time", null)))
                .isInstanceOf(MissingClaimException.class).hasMessageContaining("auth_time");
    }

    @Test
    void aClaimOfTheWrongTypeIsInvalid() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.claim("auth_time", "yesterday")))
                .isInstanceOf(InvalidClaimException.class).hasMessageContaining("auth_time");
    }

    @Test
    void everyValidationFailureIsATokenValidationException() {
        assertThatThrownBy(() -> fixture.signIn(CL_OR_CLCM, claims -> claims.issuer("https://evil.example")))
                .isInstanceOf(TokenValidationException.class).isInstanceOf(SignetClientException.class);
    }

    @Test
    void validationMessagesNeverContainTheToken() {
        String[] seen = new String[1];
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> fixture.signInWithIdToken(CL_OR_CLCM,
                pending -> seen[0] = fixture.provider.sign(fixture.idTokenClaims(pending).audience("x").build(), null)));

        assertThat(thrown).isInstanceOf(AudienceMismatchException.class);
        assertThat(thrown.getMessage()).doesNotContain(seen[0]).doesNotContain(ClientFixture.ACCESS_TOKEN);
    }
}
