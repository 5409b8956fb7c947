package dev.signet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JWKS cache as a service meets it: Cache-Control honoured, a key rotation picked up by one refetch on an unknown
 * kid (rate-limited), and sign-ins going on through a short outage of the provider. Time moves by the test's clock.
 */
class JwksCacheTest {

    private static final AuthorizationOptions PASSWORD = AuthorizationOptions.builder().vectorsOfTrust("Cl").build();

    private ClientFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ClientFixture();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private SignIn signIn() {
        return fixture.signIn(PASSWORD, claims -> claims);
    }

    private SignIn signInWith(ECKey key) {
        return fixture.signInWithIdToken(PASSWORD, pending -> fixture.provider.sign(
                fixture.idTokenClaims(pending).build(), null, JWSAlgorithm.ES256, key));
    }

    @Test
    void keysAreFetchedAgainOnlyWhenCacheControlMaxAgeHasPassed() {
        fixture.provider.jwksCacheControl = "public, max-age=120";
        signIn();
        fixture.clock.advance(Duration.ofSeconds(119));
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(1);

        fixture.clock.advance(Duration.ofSeconds(2));
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void withoutCacheControlTheDefaultLifetimeApplies() {
        fixture.provider.jwksCacheControl = null;
        fixture.client = fixture.builder().defaultCacheLifetime(Duration.ofMinutes(2)).build();
        signIn();
        fixture.clock.advance(Duration.ofSeconds(100));
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(1);
        fixture.clock.advance(Duration.ofSeconds(21));
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void noStoreIsFetchedAgainButNeverMoreOftenThanTheRefetchInterval() {
        fixture.provider.jwksCacheControl = "no-store";
        signIn();
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(1);
        fixture.clock.advance(Duration.ofSeconds(31));
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void aRotatedKeyIsFoundByOneRefetchOnItsUnknownKid() throws Exception {
        signIn();
        ECKey rotated = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
        fixture.provider.published = List.of(fixture.provider.ecKey.toPublicJWK(), rotated.toPublicJWK());
        fixture.clock.advance(Duration.ofSeconds(31)); // still fresh (max-age 900), past the refetch interval

        assertThat(signInWith(rotated).subject()).isEqualTo("citizen-1");
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2);
        signInWith(rotated);
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2);
    }

    @Test
    void unknownKidsCannotMakeTheClientFetchMoreThanOncePerInterval() throws Exception {
        signIn();
        fixture.clock.advance(Duration.ofSeconds(31));
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("stranger").generate();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signInWith(stranger)).isInstanceOf(UnknownSigningKeyException.class);
        }
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2);
        assertThatThrownBy(() -> signInWith(stranger)).hasMessageContaining("fetched too recently");

        fixture.clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> signInWith(stranger)).isInstanceOf(UnknownSigningKeyException.class)
                .hasMessageContaining("fetched again");
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(3);
    }

    @Test
    void cachedKeysKeepVerifyingThroughAShortOutage() {
        fixture.provider.jwksCacheControl = "max-age=60";
        signIn();
        fixture.provider.jwksStatus = 503;
        fixture.clock.advance(Duration.ofMinutes(30));

        assertThat(signIn().subject()).isEqualTo("citizen-1");
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(2); // it did try
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).as("no retry within the refetch interval").isEqualTo(2);

        fixture.provider.jwksStatus = 200;
        fixture.clock.advance(Duration.ofSeconds(31));
        signIn();
        assertThat(fixture.provider.jwksFetches.get()).isEqualTo(3);
    }

    @Test
    void afterTheOutageGraceTheClientStopsTrustingStaleKeys() {
        fixture.provider.jwksCacheControl = "max-age=60";
        fixture.client = fixture.builder().outageGrace(Duration.ofMinutes(10)).build();
        signIn();
        fixture.provider.jwksStatus = 503;
        fixture.clock.advance(Duration.ofMinutes(11).plusSeconds(1));

        assertThatThrownBy(this::signIn).isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("JWKS").hasMessageContaining("503");
    }

    @Test
    void discoveryAlsoSurvivesAShortOutage() {
        signIn();
        fixture.provider.discoveryUp = false;
        fixture.clock.advance(Duration.ofMinutes(61)); // discovery max-age 3600 has passed

        assertThat(signIn().subject()).isEqualTo("citizen-1");
    }

    @Test
    void withNothingCachedAnOutageIsReportedAsUnavailable() {
        fixture.provider.discoveryUp = false;

        assertThatThrownBy(() -> fixture.client.authorizationRequest())
                .isInstanceOf(ProviderUnavailableException.class).hasMessageContaining("discovery");
    }
}
