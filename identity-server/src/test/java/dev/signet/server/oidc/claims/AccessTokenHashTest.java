package dev.signet.server.oidc.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessTokenHashTest {

    @Test
    void matchesTheExampleOfOpenIdConnectCore() {
        // OpenID Connect Core 1.0, Appendix A.4: an RS256 ID token issued with this access token.
        assertThat(AccessTokenHash.of("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y", "RS256"))
                .isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void es256UsesTheLeftHalfOfSha256AndEs384OfSha384() {
        assertThat(AccessTokenHash.of("token", "ES256")).hasSize(22);
        assertThat(AccessTokenHash.of("token", "ES384")).hasSize(32);
        assertThat(AccessTokenHash.of("token", "ES256")).isNotEqualTo(AccessTokenHash.of("other", "ES256"));
    }
}
