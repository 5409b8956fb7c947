package dev.signet.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import dev.signet.client.ClientKey;
import dev.signet.client.SignetClient;
import dev.signet.spring.fishing.FishingLicenceApplication;

/** A service with wrong {@code signet.client.*} settings does not start, and says which setting is wrong. */
class SignetPropertiesTest {

    static final ClientKey KEY = ClientKey.generate("fishing-test");

    final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SignetAutoConfiguration.class, SecurityAutoConfiguration.class,
                    ServletWebSecurityAutoConfiguration.class));

    WebApplicationContextRunner withValidSettings() {
        return service.withPropertyValues("signet.client.issuer=https://signet.example.gov.uk",
                "signet.client.client-id=fishing-licence", "signet.client.private-key=" + KEY.privateJwk());
    }

    @Test
    void validSettingsStartWithTheDefaults() {
        withValidSettings().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SignetClient.class);
            // no chain of the service's own: the starter's, which requires a signed-in citizen everywhere
            assertThat(context).hasBean("signetSecurityFilterChain");
            SignetClientProperties properties = context.getBean(SignetClientProperties.class);
            assertThat(properties.redirectPath()).isEqualTo("/signet/callback");
            assertThat(properties.vtr()).containsExactly("Cl.Cm");
            assertThat(properties.scopes()).containsExactly("openid");
            assertThat(properties.signInTimeLimit()).isEqualTo(Duration.ofMinutes(10));
            assertThat(properties.toString()).doesNotContain(KEY.privateJwk());
        });
    }

    @Test
    void aServicesOwnSecurityChainReplacesTheDefaultOne() {
        withValidSettings().withBean("ownChain", SecurityFilterChain.class,
                () -> new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("signetSecurityFilterChain"));
    }

    @Test
    void missingSettingsAreEachNamed() {
        service.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("signet.client.issuer must be set")
                .hasMessageContaining("signet.client.client-id must be set")
                .hasMessageContaining("signet.client.private-key must be set"));
    }

    @Test
    void theServiceItselfDoesNotStartAndSaysWhy() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(FishingLicenceApplication.class)
                .properties("server.port=0", "signet.client.issuer=https://signet.example.gov.uk",
                        "signet.client.private-key=" + KEY.privateJwk(), "signet.client.vtr=Cl.Cm,Cm")
                .run().close())
                .rootCause()
                .hasMessageContaining("signet.client.client-id must be set")
                .hasMessageContaining("signet.client.vtr has 'Cm'")
                .hasMessageNotContaining(KEY.privateJwk());
    }

    @Test
    void anHttpIssuerOtherThanLocalhostIsRefused() {
        withValidSettings().withPropertyValues("signet.client.issuer=http://signet.example.gov.uk")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("signet.client.issuer must be an https address"));
    }

    @Test
    void anUnknownVectorOfTrustIsRefused() {
        withValidSettings().withPropertyValues("signet.client.vtr=Cl.Cm,P2.Cl.Cc")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("signet.client.vtr has 'P2.Cl.Cc'"));
    }

    @Test
    void aRedirectPathThatIsNotAPathIsRefused() {
        withValidSettings().withPropertyValues("signet.client.redirect-path=https://fishing.example/callback")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("signet.client.redirect-path must be a path starting with '/'"));
    }

    @Test
    void aSignInTimeLimitThatIsNotPositiveIsRefused() {
        withValidSettings().withPropertyValues("signet.client.sign-in-time-limit=0s")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("signet.client.sign-in-time-limit must be a positive duration"));
    }

    @Test
    void aKeyFileThatCannotBeReadIsNamed() {
        withValidSettings().withPropertyValues("signet.client.private-key=file:/nonexistent/signet.jwk")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("signet.client.private-key: cannot read the key from "
                                + "'file:/nonexistent/signet.jwk'"));
    }

    @Test
    void aPublicKeyIsRefusedWithoutQuotingIt() {
        String publicJwk = KEY.publicJwk();
        withValidSettings().withPropertyValues("signet.client.private-key=" + publicJwk)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("signet.client.private-key is not a usable private JWK")
                        .hasMessageNotContaining(publicJwk));
    }

    @Test
    void brokenJsonIsRefusedWithoutQuotingIt() {
        String broken = "{\"kty\":\"EC\",\"d\":\"c2VjcmV0LXBhcnQ\"";
        withValidSettings().withPropertyValues("signet.client.private-key=" + broken)
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("it is not valid JWK JSON")
                        .hasMessageNotContaining("c2VjcmV0LXBhcnQ"));
    }
}
