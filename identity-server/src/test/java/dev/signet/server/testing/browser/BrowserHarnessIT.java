package dev.signet.server.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * The harness's own checks can fail: axe-core finds real violations, "JavaScript off" really is off, and virtual
 * authenticators do not outlive their test.
 */
class BrowserHarnessIT extends BrowserIntegrationTest {

    private static final String INACCESSIBLE = "<!DOCTYPE html><html><head><title>Bad</title></head><body><main>"
            + "<img src=\"x.png\"><input type=\"text\"><button></button></main></body></html>";

    @Test
    void axeReportsSeriousAndCriticalViolations() {
        Citizen citizen = citizen().visit(dataUrl(INACCESSIBLE));

        assertThat(Accessibility.violations(citizen.driver())).extracting(Accessibility.Violation::rule)
                .contains("image-alt", "label", "button-name", "html-has-lang");
        assertThatThrownBy(() -> Accessibility.assertNoSeriousViolations(citizen.driver()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("image-alt").hasMessageContaining("<img");
    }

    @Test
    void pagesScriptsDoNotRunWithJavaScriptOff() {
        String page = "<!DOCTYPE html><html lang=\"en\"><head><title>Script</title></head><body><p id=\"p\">off</p>"
                + "<script>document.getElementById('p').textContent = 'on';</script></body></html>";

        Citizen citizen = citizen().visit(dataUrl(page));
        assertThat(citizen.driver().findElement(By.id("p")).getText()).isEqualTo("on");
        citizen.javaScript(false).visit(dataUrl(page));
        assertThat(citizen.driver().findElement(By.id("p")).getText()).isEqualTo("off");
    }

    @Test
    void virtualAuthenticatorsAreRemovedBeforeTheNextTest() {
        VirtualAuthenticator authenticator = chromium().addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2).setHasResidentKey(true)
                .setHasUserVerification(true).setIsUserVerified(true));
        assertThat(authenticator.getCredentials()).isEmpty();

        chromium().reset();

        assertThatThrownBy(authenticator::getCredentials).isInstanceOf(WebDriverException.class);
    }

    private static String dataUrl(String html) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
