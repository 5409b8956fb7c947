package dev.signet.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.client.AuthorizationOptions;
import dev.signet.client.SignIn;
import dev.signet.client.SignetClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line entry point, started in-process with arguments and a configuration file. */
class SimulatorMainTest {

    @TempDir
    Path directory;

    @Test
    void startsFromAYamlFileOnTheGivenPort() throws IOException {
        Path config = directory.resolve("users.yml");
        Files.writeString(config, """
                login-mode: automatic
                sign-in-as: citizen-2
                vot: Cl.Cm
                clients:
                  - client-id: fishing-licence
                    jwks: '%s'
                    redirect-uris: [%s]
                users:
                  - sub: citizen-1
                    email: first@example.org
                  - sub: citizen-2
                    email: second@example.org
                    email-verified: false
                    given-name: Siân
                    legacy-subjects:
                      - {connector: vehicle-tax, subject: "1004711"}
                    claims: {birthdate: "1970-01-01"}
                """.formatted(SignInWithRelyingPartyClientTest.KEY.publicJwkSet(),
                SignInWithRelyingPartyClientTest.REDIRECT));
        int port = freePort();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        try (SignetSimulator simulator = SimulatorMain.start(new String[] {"--port", Integer.toString(port),
                "--config", config.toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8))) {

            assertThat(simulator.issuer()).isEqualTo("http://localhost:" + port);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("Issuer: http://localhost:" + port)
                    .contains("2 user(s), 1 client(s)");
            SignetClient client = SignetClient.builder().issuer(simulator.issuer()).clientId("fishing-licence")
                    .clientKey(SignInWithRelyingPartyClientTest.KEY)
                    .redirectUri(URI.create(SignInWithRelyingPartyClientTest.REDIRECT))
                    .scopes("email", "profile").build();
            SignIn signIn = SignInWithRelyingPartyClientTest.signIn(client, new Browser(),
                    AuthorizationOptions.defaults());
            assertThat(signIn.subject()).isEqualTo("citizen-2");
            var info = client.userInfo(signIn.tokens().accessToken(), signIn.subject());
            assertThat(info.email()).contains("second@example.org");
            assertThat(info.emailVerified()).isFalse();
            assertThat(info.claims()).containsEntry("given_name", "Siân").containsEntry("birthdate", "1970-01-01");
        }
    }

    @Test
    void startsFromAJsonFileWithTheUserPicker() throws IOException {
        Path config = directory.resolve("users.json");
        Files.writeString(config, """
                {"users": [{"sub": "citizen-1", "email": "first@example.org"}],
                 "clients": [{"client-id": "secret-service", "client-secret": "s3cret",
                              "redirect-uris": ["https://secret.example/callback"]}]}
                """);

        try (SignetSimulator simulator = SimulatorMain.start(new String[] {"--config", config.toString(),
                "--user-picker"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {

            var page = new Browser().get(URI.create(simulator.issuer() + "/oauth2/authorize?response_type=code"
                    + "&client_id=secret-service&redirect_uri=https://secret.example/callback&scope=openid"
                    + "&state=s&nonce=n&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                    + "&code_challenge_method=S256"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("first@example.org");
        }
    }

    @Test
    void faultsCanBeSetOverHttp() throws Exception {
        Path config = directory.resolve("users.yml");
        Files.writeString(config, """
                clients:
                  - client-id: fishing-licence
                    jwks: '%s'
                    redirect-uris: [%s]
                users:
                  - sub: citizen-1
                """.formatted(SignInWithRelyingPartyClientTest.KEY.publicJwkSet(),
                SignInWithRelyingPartyClientTest.REDIRECT));

        try (SignetSimulator simulator = SimulatorMain.start(new String[] {"--config", config.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            SignetClient client = SignInWithRelyingPartyClientTest.relyingParty(simulator.issuer()).build();
            URI control = URI.create(simulator.issuer() + "/simulator/control");
            Browser browser = new Browser();

            assertThat(browser.postForm(control, "authorization-error=access_denied").statusCode()).isEqualTo(204);
            assertThatThrownBy(() -> SignInWithRelyingPartyClientTest.signIn(client, browser,
                    AuthorizationOptions.defaults()))
                    .isInstanceOfSatisfying(dev.signet.client.AuthorizationErrorException.class,
                            e -> assertThat(e.error()).isEqualTo("access_denied"));

            assertThat(browser.postForm(control, "id-token-fault=wrong-nonce").statusCode()).isEqualTo(204);
            assertThatThrownBy(() -> SignInWithRelyingPartyClientTest.signIn(client, browser,
                    AuthorizationOptions.defaults())).isInstanceOf(dev.signet.client.NonceMismatchException.class);

            var refused = browser.postForm(control, "token-error=invalid_grant&id-token-fault=nonsense");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id-token-fault must be one of");

            assertThat(browser.postForm(control, "token-error=invalid_grant").statusCode()).isEqualTo(204);
            assertThat(browser.postForm(control, "reset=true").statusCode()).isEqualTo(204);
            assertThat(SignInWithRelyingPartyClientTest.signIn(client, browser, AuthorizationOptions.defaults())
                    .subject()).isEqualTo("citizen-1");
        }
    }

    @Test
    void misspeltSettingIsNamed() throws IOException {
        Path config = directory.resolve("users.yml");
        Files.writeString(config, "users:\n  - sub: citizen-1\n    emial: first@example.org\n");

        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--config", config.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown setting 'emial'");
    }

    @Test
    void unknownArgumentIsRefused() {
        assertThatThrownBy(() -> SimulatorMain.start(new String[] {"--prot", "9090"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--prot");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
