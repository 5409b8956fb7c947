package dev.signet.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import dev.signet.server.testing.browser.TestRelyingParty;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pages a citizen meets when something is wrong, in Chromium (each is checked with axe-core on arrival). */
class ProblemPagesBrowserIT extends BrowserIntegrationTest {

    @Test
    void aPageThatDoesNotExist() {
        Citizen citizen = citizen().visit("/no-such-page");

        assertThat(citizen.heading()).isEqualTo("Sorry, there is a problem");
        assertThat(citizen.text()).contains("We could not find that page");
    }

    @Test
    void aJourneyPageAfterTheSessionHasGone() {
        Citizen citizen = citizen().visit("/sign-up/password");

        assertThat(citizen.heading()).isEqualTo("Your session has timed out");
        citizen.follow("Start again");
        assertThat(citizen.path()).startsWith("/sign-");
    }

    @Test
    void aBrokenLinkFromAService() {
        Citizen citizen = citizen().visitService(Map.of("redirect_uri", "https://elsewhere.example/callback"));

        assertThat(citizen.url()).startsWith(baseUrl()).doesNotStartWith(TestRelyingParty.ORIGIN);
        assertThat(citizen.heading()).isEqualTo("There is a problem with the link to sign in");
    }

    @Test
    void theProblemPagesInWelsh() {
        Citizen citizen = citizen().visit("/no-such-page?lang=cy");

        assertThat(citizen.language()).isEqualTo("cy");
        citizen.visitService(Map.of("client_id", "no-such-service"));
        assertThat(citizen.language()).isEqualTo("cy");
        assertThat(citizen.pagesChecked()).hasSize(2);
    }
}
