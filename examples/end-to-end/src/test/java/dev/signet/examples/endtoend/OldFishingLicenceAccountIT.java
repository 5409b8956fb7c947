package dev.signet.examples.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.examples.connector.FishingLicenceConnector;
import dev.signet.examples.connector.KeyPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole integration as a department runs it, each part in its own process on loopback ports: Signet (the
 * identity-server jar on its embedded defaults), the fishing licence connector (the embeddable server from
 * {@code connector.properties}, over HTTPS, on a real PostgreSQL holding the old anglers table) and the Renew a fishing
 * licence service (its jar). A citizen in headless Chromium goes to the service, signs in at Signet with their old
 * fishing licence account, is migrated to a Signet account, comes back to the service signed in with their old licence
 * holder number; then signs out and signs in again with the new Signet account alone.
 */
@Tag("browser")
class OldFishingLicenceAccountIT {

    private static final String OLD_USER_NAME = "margaret.hughes";
    private static final String OLD_PASSWORD = "correct horse battery staple";
    private static final String EMAIL = "margaret.hughes@example.org";
    private static final String LICENCE_HOLDER_NO = "2000417";

    /** Keys, files, data and each process's log: under target/, kept after the run for reading. */
    private static final Path work = Path.of("target", "end-to-end").toAbsolutePath();

    private static FishingLicenceConnector connector;
    private static JavaProcess signet;
    private static JavaProcess service;
    private static Browser browser;
    private static String serviceUrl;

    @BeforeAll
    static void startSignetTheConnectorAndTheService() throws Exception {
        if (!Browser.installed()) {
            return; // nothing to start: each test is then skipped (or fails, when browser tests are required)
        }
        deleteRecursively(work);
        Files.createDirectories(work);
        int signetPort = FishingLicenceConnector.freePort();
        int servicePort = FishingLicenceConnector.freePort();
        // Signet on localhost, the service on 127.0.0.1: two hosts, so the browser keeps their cookies apart.
        String issuer = "http://localhost:" + signetPort;
        serviceUrl = "http://127.0.0.1:" + servicePort;

        // 1. The department runs its connector, trusting requests signed with Signet's key for it.
        KeyPair signetKeyForTheConnector = KeyPair.generate("signet-fishing-licences-1");
        Path connectorDirectory = Files.createDirectories(work.resolve("connector"));
        connector = FishingLicenceConnector.start(
                Path.of(System.getProperty("signet.example.connector.properties")), connectorDirectory, issuer,
                signetKeyForTheConnector.publicJwkSet());

        // 2. Signet's operators register the connector and the service, and start Signet.
        KeyPair serviceKey = KeyPair.generate("fishing-licence-1");
        Path connectors = Files.writeString(work.resolve("connectors.yml"), """
                connectors:
                  - id: fishing-licences
                    display-name: Fishing licence account
                    welsh-display-name: Cyfrif trwydded bysgota
                    department: environment-agency
                    type: remote
                    settings:
                      url: %s
                      issuer: %s
                      signing-key: '%s'
                      connector-key: '%s'
                      trust-certificates: %s
                      request-timeout: 10s
                """.formatted(connector.url(), issuer, signetKeyForTheConnector.privateJwk(),
                connector.publicKeys(), connector.certificatePem()));
        Path relyingParties = Files.writeString(work.resolve("relying-parties.yml"), """
                relying-parties:
                  - client-id: fishing-licence
                    name: Renew a fishing licence
                    token-endpoint-auth-method: private_key_jwt
                    jwks: '%s'
                    redirect-uris: [%s/signet/callback]
                    post-logout-redirect-uris: [%s/signed-out]
                    backchannel-logout-uri: %s/signet/backchannel-logout
                    events-uri: %s/signet/events
                    department: environment-agency
                    scopes: [openid, email, legacy_subjects]
                """.formatted(serviceKey.publicJwkSet(), serviceUrl, serviceUrl, serviceUrl, serviceUrl));
        signet = JavaProcess.start("Signet", List.of("-Xmx512m", "-jar", System.getProperty("signet.identity-server.jar"),
                        "--server.port=" + signetPort,
                        "--signet.issuer=" + issuer,
                        "--signet.data-directory=" + work.resolve("signet-data"),
                        "--signet.clients.file=file:" + relyingParties,
                        "--signet.connectors.file=file:" + connectors),
                Map.of(), work.resolve("signet.log"));
        signet.awaitOk(issuer + "/.well-known/openid-configuration", Duration.ofMinutes(4));

        // 3. The department starts its service, registered as fishing-licence.
        service = JavaProcess.start("The service", List.of("-Xmx256m", "-jar",
                        System.getProperty("signet.example.service.jar")),
                Map.of("PORT", Integer.toString(servicePort),
                        "SERVICE_URL", serviceUrl,
                        "SIGNET_ISSUER", issuer,
                        "SIGNET_CLIENT_KEY", serviceKey.privateJwk()),
                work.resolve("service.log"));
        service.awaitOk(serviceUrl + "/", Duration.ofMinutes(2));

        browser = Browser.start();
    }

    @BeforeEach
    void needsChromium() {
        Browser.assumeInstalled();
    }

    @AfterAll
    static void stopEverything() {
        for (AutoCloseable part : new AutoCloseable[] {browser, service, signet, connector}) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    // keep stopping the others
                }
            }
        }
    }

    @Test
    void aCitizenBringsTheirOldFishingLicenceAccountToSignetThenSignsInWithTheirNewAccount() throws IOException {
        browser.visit(serviceUrl + "/").follow("Start now");

        // At Signet: the old account, through the department's connector.
        browser.follow("Sign in with an account you already have");
        browser.awaitHeading("Which account do you already have?");
        browser.choose("Fishing licence account").press("Continue");
        browser.awaitHeading("Sign in with your Fishing licence account");
        browser.fillIn("User name", OLD_USER_NAME).fillIn("Password", OLD_PASSWORD).press("Continue")
                .awaitUrlStartingWith(serviceUrl + "/licence");

        // Migrated: back at the service, signed in, with the old licence holder number.
        browser.awaitHeading("Your fishing licence");
        assertThat(browser.url()).startsWith(serviceUrl + "/licence");
        assertThat(browser.text("email")).isEqualTo(EMAIL);
        assertThat(browser.text("legacy-subjects")).isEqualTo("fishing-licences: " + LICENCE_HOLDER_NO);
        assertThat(browser.text("vot")).isEqualTo("Cl");
        String subject = browser.text("subject");

        browser.press("Sign out").awaitUrl(serviceUrl + "/signed-out");
        browser.awaitHeading("You have signed out");

        // Again, with the new Signet account alone: the old password was carried over.
        browser.visit(serviceUrl + "/licence");
        browser.fillIn("Email address", EMAIL).press("Continue");
        browser.fillIn("Password", OLD_PASSWORD).press("Continue").awaitUrlStartingWith(serviceUrl + "/licence");

        browser.awaitHeading("Your fishing licence");
        assertThat(browser.text("subject")).isEqualTo(subject);
        assertThat(browser.text("legacy-subjects")).isEqualTo("fishing-licences: " + LICENCE_HOLDER_NO);
        assertThat(connector.output()).doesNotContain(OLD_PASSWORD);
        assertThat(emailTo(EMAIL)).contains("Subject: Your old account has been added to your account")
                .contains("Your Fishing licence account is now part of your account.");
    }

    /** The email Signet wrote to its outbox (the embedded default's mail transport) for {@code address}. */
    private static String emailTo(String address) throws IOException {
        Path outbox = work.resolve("signet-data").resolve("outbox");
        try (Stream<Path> emails = Files.list(outbox)) {
            List<Path> toAddress = emails.filter(email -> email.getFileName().toString()
                    .contains(address.replace("@", "_at_"))).toList();
            assertThat(toAddress).as("emails to " + address + " in " + outbox).hasSize(1);
            return Files.readString(toAddress.get(0));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
