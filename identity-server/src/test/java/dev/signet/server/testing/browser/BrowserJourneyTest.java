package dev.signet.server.testing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.signet.server.testing.JourneyIntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the tests that walk journeys in a real headless Chromium against the running server, as a citizen would:
 * typing into fields, choosing radios and pressing buttons. Every page the browser lands on can be checked with
 * axe-core ({@link #accessible()}). Without Chromium these tests are skipped, naming the packages to install.
 */
public abstract class BrowserJourneyTest extends JourneyIntegrationTest {

    protected WebDriver chromium;

    @BeforeAll
    static void chromiumIsInstalled() {
        Assumptions.assumeTrue(Chromium.installed(), Chromium.MISSING);
    }

    @BeforeEach
    void freshBrowser() {
        chromium = Chromium.shared();
        chromium.get(baseUrl() + "/sign-in");
        chromium.manage().deleteAllCookies();
    }

    /** Opens a path of Signet (or a full URL). */
    protected void open(String pathOrUrl) {
        chromium.get(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl() + pathOrUrl);
    }

    /** Types into the field labelled by its id, replacing what was there. */
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
        wait.until(ExpectedConditions.stalenessOf(oldPage));
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

    /** Asserts that axe-core finds no serious or critical WCAG A/AA violation on the current page. */
    protected void accessible() {
        List<String> violations = Axe.seriousViolations(chromium);
        assertThat(violations).as("accessibility of %s (%s)", path(), chromium.getTitle()).isEmpty();
    }
}
