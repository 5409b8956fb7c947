package dev.signet.server.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.core.account.AccountStatus;
import dev.signet.server.testing.browser.BrowserIntegrationTest;
import dev.signet.server.testing.browser.Citizen;
import dev.signet.server.testing.browser.TestRelyingParty;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Welsh journey in Chromium: asked for by the service (ui_locales) or chosen by the citizen. */
class WelshBrowserIT extends BrowserIntegrationTest {

    @Test
    void aServiceThatAsksForWelshGetsTheWholeSignInInWelsh() throws Exception {
        String email = uniqueEmail("browser-cymraeg");
        existingAccount(email, "correct horse battery", AccountStatus.ACTIVE);
        Citizen citizen = citizen();

        citizen.visitService(Map.of("ui_locales", "cy"));
        assertThat(citizen.language()).isEqualTo("cy");
        assertThat(citizen.heading()).isEqualTo("Mewngofnodi");
        assertThat(citizen.title()).isEqualTo("Mewngofnodi – Mewngofnodi i wasanaethau cyhoeddus");
        citizen.fillIn("Cyfeiriad e-bost", email).press("Parhau");
        assertThat(citizen.heading()).isEqualTo("Rhowch eich cyfrinair");
        citizen.fillIn("Cyfrinair", "not my password").press("Parhau");
        assertThat(citizen.language()).isEqualTo("cy");
        assertThat(citizen.errorSummary()).containsExactly("Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir. "
                + "Gwiriwch nhw a rhowch gynnig arall arni, neu ailosodwch eich cyfrinair.");
        citizen.fillIn("Cyfrinair", "correct horse battery").press("Parhau");

        assertThat(citizen.heading()).isEqualTo("You are signed in to " + TestRelyingParty.SERVICE_NAME);
    }

    @Test
    void theLanguageLinkSwitchesBetweenEnglishAndWelshAndIsRemembered() {
        Citizen citizen = citizen();

        citizen.visit("/sign-in").follow("Cymraeg");
        assertThat(citizen.language()).isEqualTo("cy");
        assertThat(citizen.heading()).isEqualTo("Mewngofnodi");
        citizen.follow("Creu cyfrif");
        assertThat(citizen.language()).isEqualTo("cy");
        citizen.follow("English");
        assertThat(citizen.language()).isEqualTo("en");
        assertThat(citizen.heading()).isEqualTo("Create an account");
    }
}
