package dev.signet.server.passkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.testing.JourneyIntegrationTest;
import dev.signet.server.testing.TestBrowser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The passkey options endpoints and the pages' passkey parts over HTTP against the running server. The issuer of the
 * test server is http://localhost:8080, so the relying party id is "localhost".
 */
class PasskeyEndpointsIT extends JourneyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "correct horse battery staple " + UUID.randomUUID();

    @Autowired
    PasskeyRepository passkeys;

    private TestBrowser signedIn(Account account) throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page afterPassword = browser.signIn(account.email(), PASSWORD);
        assertThat(afterPassword.location()).endsWith("/account");
        return browser;
    }

    @Test
    void registrationOptionsNameTheSignedInCitizenByEmailAndRequireAVerifiedDiscoverablePasskey() throws Exception {
        Account account = existingAccount(uniqueEmail("options"), PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(account);
        TestBrowser.Page accountPage = browser.get("/account");

        TestBrowser.Page response = browser.postJson(accountPage, "/webauthn/register/options", "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode options = JSON.readTree(response.body());
        assertThat(options.get("rp").get("id").asString()).isEqualTo("localhost");
        assertThat(options.get("rp").get("name").asString()).isEqualTo("Signet");
        assertThat(options.get("user").get("name").asString()).isEqualTo(account.email());
        assertThat(options.get("user").get("displayName").asString()).isEqualTo(account.email());
        byte[] userHandle = SoftwareAuthenticator.decode(options.get("user").get("id").asString());
        assertThat(userHandle).hasSizeGreaterThanOrEqualTo(16);
        assertThat(new String(userHandle, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(account.id().toString()).doesNotContain(account.email());
        assertThat(SoftwareAuthenticator.decode(options.get("challenge").asString())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(options.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
        assertThat(options.get("authenticatorSelection").get("residentKey").asString()).isEqualTo("required");
        assertThat(options.get("attestation").asString()).isEqualTo("none");
        List<Integer> algorithms = new ArrayList<>();
        options.get("pubKeyCredParams").forEach(parameter -> algorithms.add(parameter.get("alg").asInt()));
        assertThat(algorithms).contains(-7); // ES256, which every passkey provider supports
        assertThat(options.get("excludeCredentials")).isEmpty();
        assertThat(passkeys.findUserByAccount(account.id())).isPresent();

        // Asking again: the same user, a new challenge.
        JsonNode again = JSON.readTree(browser.postJson(accountPage, "/webauthn/register/options", "").body());
        assertThat(again.get("user").get("id").asString()).isEqualTo(options.get("user").get("id").asString());
        assertThat(again.get("challenge").asString()).isNotEqualTo(options.get("challenge").asString());
    }

    @Test
    void registrationOptionsNeedASignedInCitizenAndTheCsrfToken() throws Exception {
        TestBrowser anonymous = browser();
        TestBrowser.Page signInPage = anonymous.get("/sign-in");
        assertThat(anonymous.postJson(signInPage, "/webauthn/register/options", "").status()).isEqualTo(400);

        Account account = existingAccount(uniqueEmail("options-csrf"), PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(account);
        assertThat(browser.postJson(null, "/webauthn/register/options", "").status()).isEqualTo(403);
        assertThat(passkeys.findUserByAccount(account.id())).isEmpty();
    }

    @Test
    void authenticationOptionsAskAnyoneForADiscoverablePasskeyWithUserVerification() throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page signInPage = browser.get("/sign-in");

        TestBrowser.Page response = browser.postJson(signInPage, "/webauthn/authenticate/options", "");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode options = JSON.readTree(response.body());
        assertThat(options.get("rpId").asString()).isEqualTo("localhost");
        assertThat(options.get("userVerification").asString()).isEqualTo("required");
        assertThat(options.get("allowCredentials")).isEmpty();
        assertThat(SoftwareAuthenticator.decode(options.get("challenge").asString())).hasSizeGreaterThanOrEqualTo(16);
        assertThat(options.get("timeout").asLong()).isPositive();

        JsonNode again = JSON.readTree(browser.postJson(signInPage, "/webauthn/authenticate/options", "").body());
        assertThat(again.get("challenge").asString()).isNotEqualTo(options.get("challenge").asString());
        assertThat(browser.postJson(null, "/webauthn/authenticate/options", "").status()).isEqualTo(403);
    }

    @Test
    void signingInWithoutOptionsOrWithGarbageIsRefusedWithJson() throws Exception {
        TestBrowser browser = browser();
        TestBrowser.Page signInPage = browser.get("/sign-in");

        TestBrowser.Page noOptions = browser.postJson(signInPage, "/login/webauthn", "{\"id\":\"AAAA\"}");
        assertThat(noOptions.status()).isEqualTo(401);
        assertThat(JSON.readTree(noOptions.body()).get("error").asString()).isEqualTo("invalid_credentials");

        browser.postJson(signInPage, "/webauthn/authenticate/options", "");
        TestBrowser.Page garbage = browser.postJson(signInPage, "/login/webauthn", "not json");
        assertThat(garbage.status()).isEqualTo(401);
    }

    @Test
    void theSignInPageOffersPasskeysOnlyThroughAnExternalScriptAndStaysCompleteWithoutIt() throws Exception {
        TestBrowser.Page page = browser().get("/sign-in");

        assertThat(page.body()).contains("id=\"passkey-sign-in-section\"").contains("id=\"passkey-sign-in\"")
                .contains("<form method=\"post\" action=\"/sign-in\"");
        assertThat(openingTag(page.body(), "passkey-sign-in-section")).contains(" hidden");
        assertScriptsAreExternal(page.body());

        HttpResponse<String> script = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/passkeys/passkeys.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        assertThat(script.body()).contains("navigator.credentials.get").contains("navigator.credentials.create");
    }

    @Test
    void theAccountPageListsNoPasskeysAndExplainsThatAddingOneNeedsJavaScript() throws Exception {
        Account account = existingAccount(uniqueEmail("account-page"), PASSWORD, AccountStatus.ACTIVE);
        TestBrowser.Page page = signedIn(account).get("/account");

        assertThat(page.body()).contains("id=\"passkeys-none\"").contains("id=\"passkey-needs-javascript\"");
        assertThat(openingTag(page.body(), "passkey-add-section")).contains(" hidden");
        assertScriptsAreExternal(page.body());
    }

    @Test
    void thePasskeyPartsAreInWelsh() throws Exception {
        Account account = existingAccount(uniqueEmail("cymraeg"), PASSWORD, AccountStatus.ACTIVE);
        TestBrowser browser = signedIn(account).acceptLanguage("cy");

        assertThat(browser.get("/sign-in?lang=cy").body()).contains("Mewngofnodi gydag allwedd mynediad");
        assertThat(browser.get("/account").body()).contains("Allweddi mynediad")
                .contains("Ychwanegu allwedd mynediad");
    }

    /** CSP will forbid inline script: every script element must load a file. */
    private static void assertScriptsAreExternal(String html) {
        Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).contains("src=");
            assertThat(scripts.group(2)).isBlank();
        }
        assertThat(count).isPositive();
        assertThat(html).doesNotContainPattern("\\son[a-z]+=\"");
    }

    private static String openingTag(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element " + id).isNotNegative();
        return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
    }
}
