package dev.signet.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

/** The success response needs a signed-in citizen over HTTP; here it is checked directly (RFC 9207 iss). */
class AuthorizationResponsesTest {

    private static final String ISSUER = "https://signet.example";

    private final AuthorizationResponses responses = new AuthorizationResponses(new InMemoryRegisteredClientRepository(
            RegisteredClient.withId("rp").clientId("rp").clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("https://rp.example/cb?existing=1").scope("openid").build()));

    @BeforeEach
    void issuer() {
        AuthorizationServerSettings settings = AuthorizationServerSettings.builder().issuer(ISSUER).build();
        AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {
            @Override
            public String getIssuer() {
                return ISSUER;
            }

            @Override
            public AuthorizationServerSettings getAuthorizationServerSettings() {
                return settings;
            }
        });
    }

    @AfterEach
    void reset() {
        AuthorizationServerContextHolder.resetContext();
    }

    @Test
    void successRedirectCarriesCodeStateAndIss() throws Exception {
        OAuth2AuthorizationCodeRequestAuthenticationToken result = new OAuth2AuthorizationCodeRequestAuthenticationToken(
                ISSUER + "/oauth2/authorize", "rp", new TestingAuthenticationToken("citizen", null),
                new OAuth2AuthorizationCode("code-1", Instant.now(), Instant.now().plusSeconds(60)),
                "https://rp.example/cb?existing=1", "state a&b", Set.of("openid"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        responses.onAuthenticationSuccess(new MockHttpServletRequest(), response, result);

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getHeader("Location")).isEqualTo(
                "https://rp.example/cb?existing=1&code=code-1&state=state%20a%26b&iss=https%3A%2F%2Fsignet.example");
    }
}
