package dev.signet.server.testing.browser;

import dev.signet.server.testing.JourneyIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the tests that walk journeys in a real headless Chromium against the running server (as
 * {@link JourneyIntegrationTest}, sharing its Spring context), as a citizen would. All browser tests of the JVM share
 * one Chromium, clean at the start of each test; {@link TestRelyingParty} is the service a citizen comes from. Without
 * Chromium every browser test is reported as skipped, naming the packages to install.
 *
 * <p>Two ways to drive it: {@link #citizen()} finds fields by label and buttons by their words and checks every Signet
 * page it reaches with axe-core; the protected methods below work by element id and check a page when the test calls
 * {@link #accessible()}.
 */
@Tag("browser")
public abstract class BrowserJourneyTest extends JourneyIntegrationTest {

    @RegisterExtension
    static final ChromiumExtension CHROMIUM = new ChromiumExtension();

    /** The shared browser, for the id-based methods below. */
    protected WebDriver chromium;

    @BeforeEach
    void useTheSharedBrowserAgainstThisServer() {
        chromium = CHROMIUM.chromium().driver();
        relyingParty().useProvider(baseUrl());
    }

    /** The citizen at the browser, for one test. */
    protected Citizen citizen() {
        return new Citizen(CHROMIUM.chromium(), baseUrl());
    }

    protected TestRelyingParty relyingParty() {
        return CHROMIUM.chromium().relyingParty();
    }

    protected Chromium chromium() {
        return CHROMIUM.chromium();
    }

    /** Opens a path of Signet (or a full URL). */
    protected void open(String pathOrUrl) {
        chromium.get(pathOrUrl.startsWith("/") ? baseUrl() + pathOrUrl : pathOrUrl);
    }

    /** Types into the field with this id, replacing what was there. */
    protected void type(String fieldId, String text) {
        WebElement field = chromium.findElement(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
    }

    /** Presses the page's main button (the form's submit button, or a button-styled link) and waits for the next page. */
    protected void pressButton() {
        leavePageBy(() -> chromium.findElement(By.cssSelector("main .govuk-button")).click());
    }

    /**
     * Presses the button with this id and waits for the next page: for pages with several buttons (the account page),
     * and for buttons whose script navigates once it is done (the passkey buttons).
     */
    protected void pressButton(String buttonId) {
        leavePageBy(() -> chromium.findElement(By.id(buttonId)).click());
    }

    protected void choose(String radioValue) {
        chromium.findElement(By.cssSelector("input[type=radio][value='" + radioValue + "']")).click();
    }

    protected void clickLink(String text) {
        leavePageBy(() -> chromium.findElement(By.linkText(text)).click());
    }

    /**
     * A click returns before the navigation it starts has finished: wait until the old document is gone and the new
     * one loaded, so the next step reads the next page and never a stale one.
     */
    private void leavePageBy(Runnable action) {
        WebElement oldPage = chromium.findElement(By.tagName("html"));
        action.run();
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
        wait.until(PageChange.leftPage(oldPage));
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    protected String heading() {
        return chromium.findElement(By.tagName("h1")).getText();
    }

    protected String path() {
        String url = chromium.getCurrentUrl();
        return url.startsWith(baseUrl()) ? url.substring(baseUrl().length()) : url;
    }

    /** The text of an element even when it is inside a closed details element (getText would be empty). */
    protected String textOf(String elementId) {
        return chromium.findElement(By.id(elementId)).getAttribute("textContent").strip();
    }

    /** Asserts that axe-core finds no serious or critical violation on the current page ({@link Accessibility}). */
    protected void accessible() {
        Accessibility.assertNoSeriousViolations(chromium);
    }
}
