package dev.signet.server.oidc.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.server.signin.CitizenAuthentication;
import dev.signet.server.signin.CredentialTrustLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FreshnessPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00.250Z");

    private static CitizenAuthentication signedIn(Duration ago, CredentialTrustLevel level) {
        return new CitizenAuthentication(UUID.randomUUID(), NOW.minus(ago), level);
    }

    private static FreshnessDecision decide(Map<String, Object> parameters, CitizenAuthentication current,
            Instant askedAt) {
        Map<String, Object> withVtr = new HashMap<>(parameters);
        withVtr.putIfAbsent("vtr", "[\"Cl\"]");
        return FreshnessPolicy.decide(FreshnessRequest.from(withVtr), Optional.ofNullable(current),
                Optional.ofNullable(askedAt), NOW);
    }

    @Test
    void nobodySignedInGoesOnToSignInUnlessPromptNone() {
        assertThat(decide(Map.of(), null, null)).isInstanceOf(FreshnessDecision.Proceed.class);
        assertThat(decide(Map.of("prompt", "none"), null, null)).isInstanceOf(FreshnessDecision.LoginRequired.class);
    }

    @Test
    void aSignedInCitizenGoesOnWithoutPromptOrMaxAge() {
        assertThat(decide(Map.of(), signedIn(Duration.ofHours(5), CredentialTrustLevel.LOW), null))
                .isInstanceOf(FreshnessDecision.Proceed.class);
        assertThat(decide(Map.of("prompt", "none"), signedIn(Duration.ofHours(5), CredentialTrustLevel.LOW), null))
                .isInstanceOf(FreshnessDecision.Proceed.class);
    }

    @Test
    void promptLoginAlwaysSignsInAgainUntilTheCitizenHasDoneSoForThisRequest() {
        CitizenAuthentication fresh = signedIn(Duration.ZERO, CredentialTrustLevel.LOW);
        assertThat(decide(Map.of("prompt", "login"), fresh, null)).isInstanceOf(FreshnessDecision.SignInAgain.class);

        CitizenAuthentication afterAsking = signedIn(Duration.ofSeconds(3), CredentialTrustLevel.LOW);
        assertThat(decide(Map.of("prompt", "login"), afterAsking, NOW.minusSeconds(10)))
                .isInstanceOf(FreshnessDecision.Proceed.class);
        assertThat(decide(Map.of("prompt", "login"), signedIn(Duration.ofSeconds(30), CredentialTrustLevel.LOW),
                NOW.minusSeconds(10))).isInstanceOf(FreshnessDecision.SignInAgain.class);
    }

    @Test
    void maxAgeComparesWholeSecondsSinceTheLastActiveSignIn() {
        CitizenAuthentication tenMinutesAgo = signedIn(Duration.ofMinutes(10), CredentialTrustLevel.LOW);

        assertThat(decide(Map.of("max_age", "600"), tenMinutesAgo, null)).isInstanceOf(FreshnessDecision.Proceed.class);
        assertThat(decide(Map.of("max_age", "599"), tenMinutesAgo, null))
                .isInstanceOf(FreshnessDecision.SignInAgain.class);
        assertThat(decide(Map.of("max_age", "599", "prompt", "none"), tenMinutesAgo, null))
                .isInstanceOf(FreshnessDecision.LoginRequired.class);
    }

    @Test
    void maxAgeZeroIsAnsweredByTheSignInItAskedFor() {
        CitizenAuthentication before = signedIn(Duration.ofSeconds(5), CredentialTrustLevel.LOW);
        assertThat(decide(Map.of("max_age", "0"), before, null)).isInstanceOf(FreshnessDecision.SignInAgain.class);

        // The sign-in happened in the same second as the request was sent to it, a few seconds ago.
        Instant asked = NOW.minusSeconds(4).plusMillis(500);
        CitizenAuthentication signedInAgain = new CitizenAuthentication(UUID.randomUUID(),
                NOW.minusSeconds(4).plusMillis(100), CredentialTrustLevel.LOW);
        assertThat(decide(Map.of("max_age", "0"), signedInAgain, asked)).isInstanceOf(FreshnessDecision.Proceed.class);
    }

    @Test
    void aSignInWeakerThanTheVectorOfTrustMustStepUpEvenWhenFresh() {
        CitizenAuthentication password = signedIn(Duration.ZERO, CredentialTrustLevel.LOW);

        assertThat(decide(Map.of("vtr", "[\"Cl.Cm\"]"), password, NOW))
                .isInstanceOf(FreshnessDecision.StepUp.class);
        assertThat(decide(Map.of("vtr", "[\"Cl.Cm\"]"), password, null))
                .isInstanceOf(FreshnessDecision.StepUp.class);
        assertThat(decide(Map.of("vtr", "[\"Cl.Cm\"]", "prompt", "none"), password, null))
                .isInstanceOf(FreshnessDecision.LoginRequired.class);
        assertThat(decide(Map.of("vtr", "[\"Cl\"]"), signedIn(Duration.ZERO, CredentialTrustLevel.MEDIUM), null))
                .isInstanceOf(FreshnessDecision.Proceed.class);
    }

    @Test
    void aWeakSignInThatIsAlsoStaleStartsAgainFromThePasswordThenStepsUp() {
        CitizenAuthentication old = signedIn(Duration.ofMinutes(10), CredentialTrustLevel.LOW);
        assertThat(decide(Map.of("vtr", "[\"Cl.Cm\"]", "max_age", "60"), old, null))
                .isInstanceOf(FreshnessDecision.SignInAgain.class);
        assertThat(decide(Map.of("vtr", "[\"Cl.Cm\"]", "prompt", "login"), signedIn(Duration.ZERO,
                CredentialTrustLevel.LOW), null)).isInstanceOf(FreshnessDecision.SignInAgain.class);

        // The password sign-in made for this request answers its freshness; only the second factor is missing.
        CitizenAuthentication again = signedIn(Duration.ofSeconds(2), CredentialTrustLevel.LOW);
        assertThat(decide(Map.of("vtr", "[\"Cl.Cm\"]", "prompt", "login"), again, NOW.minusSeconds(5)))
                .isInstanceOf(FreshnessDecision.StepUp.class);
        CitizenAuthentication stepped = signedIn(Duration.ZERO, CredentialTrustLevel.MEDIUM);
        assertThat(decide(Map.of("vtr", "[\"Cl.Cm\"]", "prompt", "login"), stepped, NOW.minusSeconds(5)))
                .isInstanceOf(FreshnessDecision.Proceed.class);
    }

    @Test
    void maxAgeMustBeANonNegativeWholeNumber() {
        assertThatThrownBy(() -> FreshnessRequest.from(Map.of("max_age", "-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FreshnessRequest.from(Map.of("max_age", "1.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FreshnessRequest.from(Map.of("max_age", "3600")).maxAge()).contains(Duration.ofHours(1));
    }
}
