package dev.signet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.client.AccessTokenHashMismatchException;
import dev.signet.client.AudienceMismatchException;
import dev.signet.client.AuthenticationTooOldException;
import dev.signet.client.AuthorizationErrorException;
import dev.signet.client.AuthorizationOptions;
import dev.signet.client.DisallowedAlgorithmException;
import dev.signet.client.InvalidSignatureException;
import dev.signet.client.IssuerMismatchException;
import dev.signet.client.NonceMismatchException;
import dev.signet.client.ProviderErrorException;
import dev.signet.client.ProviderUnavailableException;
import dev.signet.client.SignIn;
import dev.signet.client.SignetClient;
import dev.signet.client.TokenExpiredException;
import dev.signet.client.TokenIssuedInFutureException;
import dev.signet.client.TokenValidationException;
import dev.signet.client.TrustLevelNotMetException;
import dev.signet.client.UnknownSigningKeyException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error and malformed-token mode of the simulator is caught by the relying-party client with the exception of
 * its own type, and each mode is used up by one request: the next sign-in succeeds.
 */
class SimulatedFaultsTest {

    @RegisterExtension
    static SignetSimulatorExtension signet = SignetSimulatorExtension.builder()
            .user(SignInWithRelyingPartyClientTest.MARGARET)
            .client(SignInWithRelyingPartyClientTest.client().build())
            .build();

    static final Map<IdTokenFault, Class<? extends TokenValidationException>> CAUGHT_AS = Map.ofEntries(
            Map.entry(IdTokenFault.WRONG_NONCE, NonceMismatchException.class),
            Map.entry(IdTokenFault.EXPIRED, TokenExpiredException.class),
            Map.entry(IdTokenFault.ISSUED_IN_FUTURE, TokenIssuedInFutureException.class),
            Map.entry(IdTokenFault.WRONG_AUDIENCE, AudienceMismatchException.class),
            Map.entry(IdTokenFault.WRONG_ISSUER, IssuerMismatchException.class),
            Map.entry(IdTokenFault.BAD_SIGNATURE, InvalidSignatureException.class),
            Map.entry(IdTokenFault.UNKNOWN_KEY, UnknownSigningKeyException.class),
            Map.entry(IdTokenFault.UNSIGNED, DisallowedAlgorithmException.class),
            Map.entry(IdTokenFault.WRONG_VOT, TrustLevelNotMetException.class),
            Map.entry(IdTokenFault.WRONG_AT_HASH, AccessTokenHashMismatchException.class),
            Map.entry(IdTokenFault.OLD_AUTH_TIME, AuthenticationTooOldException.class));

    final Browser browser = new Browser();
    final SignetClient client = SignInWithRelyingPartyClientTest.relyingParty(signet.issuer()).build();

    static Stream<Arguments> idTokenFaults() {
        return CAUGHT_AS.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @Test
    void everyIdTokenFaultIsTested() {
        assertThat(CAUGHT_AS.keySet()).isEqualTo(EnumSet.allOf(IdTokenFault.class));
    }

    @ParameterizedTest
    @MethodSource("idTokenFaults")
    void spoiledIdTokenIsRefusedWithItsOwnException(IdTokenFault fault,
            Class<? extends TokenValidationException> expected) {
        // max_age, so that an old auth_time is something the client checks
        AuthorizationOptions options = AuthorizationOptions.builder().maxAge(Duration.ofHours(1)).build();
        signet.simulator().spoilNextIdToken(fault);

        assertThatThrownBy(() -> signIn(options)).isExactlyInstanceOf(expected);

        assertThat(signIn(options).subject()).isEqualTo("citizen-margaret");
    }

    @ParameterizedTest
    @EnumSource(AuthorizationError.class)
    void authorizationErrorReachesTheServiceWithItsCode(AuthorizationError error) {
        signet.simulator().failNextAuthorization(error);

        assertThatThrownBy(() -> signIn(AuthorizationOptions.defaults()))
                .isInstanceOfSatisfying(AuthorizationErrorException.class,
                        e -> assertThat(e.error()).isEqualTo(error.code()));

        assertThat(signIn(AuthorizationOptions.defaults()).subject()).isEqualTo("citizen-margaret");
    }

    @Test
    void invalidGrantAtTheTokenEndpoint() {
        signet.simulator().failNextTokenRequest(TokenError.INVALID_GRANT);

        assertThatThrownBy(() -> signIn(AuthorizationOptions.defaults()))
                .isInstanceOfSatisfying(ProviderErrorException.class, e -> {
                    assertThat(e.error()).contains("invalid_grant");
                    assertThat(e.status()).isEqualTo(400);
                });
        assertThat(signIn(AuthorizationOptions.defaults()).subject()).isEqualTo("citizen-margaret");
    }

    @Test
    void invalidGrantOnRefresh() {
        SignIn signIn = signIn(AuthorizationOptions.defaults());
        signet.simulator().failNextTokenRequest(TokenError.INVALID_GRANT);

        assertThatThrownBy(() -> client.refresh(signIn.tokens().refreshToken().orElseThrow(), signIn.idToken()))
                .isInstanceOfSatisfying(ProviderErrorException.class,
                        e -> assertThat(e.error()).contains("invalid_grant"));
    }

    @Test
    void invalidClientAtTheTokenEndpoint() {
        signet.simulator().failNextTokenRequest(TokenError.INVALID_CLIENT);

        assertThatThrownBy(() -> signIn(AuthorizationOptions.defaults()))
                .isInstanceOfSatisfying(ProviderErrorException.class, e -> {
                    assertThat(e.error()).contains("invalid_client");
                    assertThat(e.status()).isEqualTo(401);
                });
    }

    @Test
    void temporarilyUnavailableTokenEndpointIsUnavailable() {
        signet.simulator().failNextTokenRequest(TokenError.TEMPORARILY_UNAVAILABLE);

        assertThatThrownBy(() -> signIn(AuthorizationOptions.defaults()))
                .isInstanceOf(ProviderUnavailableException.class);
    }

    @Test
    void refreshedIdTokenCanBeSpoiledToo() {
        SignIn signIn = signIn(AuthorizationOptions.defaults());
        signet.simulator().spoilNextIdToken(IdTokenFault.BAD_SIGNATURE);

        assertThatThrownBy(() -> client.refresh(signIn.tokens().refreshToken().orElseThrow(), signIn.idToken()))
                .isExactlyInstanceOf(InvalidSignatureException.class);
    }

    private SignIn signIn(AuthorizationOptions options) {
        return SignInWithRelyingPartyClientTest.signIn(client, browser, options);
    }
}
