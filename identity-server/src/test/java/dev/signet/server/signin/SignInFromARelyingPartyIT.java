package dev.signet.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.Base64URL;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** A citizen sent by a service signs in and is sent straight back to the service with an authorization code. */
class SignInFromARelyingPartyIT extends JourneyIntegrationTest {

    private static final String CALLBACK = "http://127.0.0.1:9877/callback";

    @Test
    void signInSendsTheCitizenBackToTheAuthorizationRequestThatAskedForIt() throws Exception {
        String email = uniqueEmail("from-rp");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        TestBrowser browser = browser();

        TestBrowser.Page authorize = browser.get("/oauth2/authorize?response_type=code&client_id=test-cl-only"
                + "&redirect_uri=" + encode(CALLBACK) + "&scope=openid&state=state-1&nonce=nonce-1"
                + "&vtr=" + encode("[\"Cl\"]") + "&code_challenge=" + challenge("a-verifier-long-enough-1234567890-abcdefghij")
                + "&code_challenge_method=S256");
        assertThat(authorize.location()).endsWith("/sign-in");
        TestBrowser.Page afterSignIn = browser.signIn(email, "correct horse battery");
        assertThat(afterSignIn.location()).contains("/oauth2/authorize").contains("client_id=test-cl-only");
        TestBrowser.Page backToService = browser.get(afterSignIn.location());

        assertThat(backToService.status()).isEqualTo(302);
        assertThat(backToService.location()).startsWith(CALLBACK + "?").contains("code=").contains("state=state-1");
    }

    private static String challenge(String verifier) throws Exception {
        return Base64URL.encode(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII))).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
