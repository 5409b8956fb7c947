package dev.signet.server.testing.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A citizen at the real browser: finds fields by their labels, buttons and links by their words, as a person (or a
 * screen reader) does. Every Signet page the citizen arrives on is checked with axe-core ({@link Accessibility}), so a
 * journey test checks the accessibility of each page it passes through, error pages included.
 */
public final class Citizen {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final Chromium chromium;
    private final String signetBaseUrl;
    private final List<String> pagesChecked = new ArrayList<>();

    Citizen(Chromium chromium, String signetBaseUrl) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.signetBaseUrl = signetBaseUrl;
    }

    /** Goes to a Signet path ("/sign-in") or any absolute URL. */
    public Citizen visit(String pathOrUrl) {
        driver.get(pathOrUrl.startsWith("/") ? signetBaseUrl + pathOrUrl : pathOrUrl);
        arrived();
        return this;
    }

    /** Starts at the test service, which sends the browser to Signet with an authorization request. */
    public Citizen visitService(Map<String, String> authorizationParameters) {
        return visit(chromium.relyingParty().startUrl(authorizationParameters));
    }

    public Citizen visitService() {
        return visitService(Map.of());
    }

    /** Types into the field whose label reads {@code label}. */
    public Citizen fillIn(String label, String value) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Presses the button that reads {@code words} and waits for the next page. */
    public Citizen press(String words) {
        return navigate(element(By.xpath("//button[normalize-space(.)=" + literal(words) + "]"), "button", words));
    }

    /** Follows the link that reads {@code words} (visually hidden words included) and waits for the next page. */
    public Citizen follow(String words) {
        return navigate(element(By.xpath("//a[normalize-space(.)=" + literal(words) + "]"), "link", words));
    }

    /** Selects the radio (or ticks the checkbox) whose label reads {@code label}; the page stays. */
    public Citizen choose(String label) {
        field(label).click();
        return this;
    }

    /** Opens the details element whose summary reads {@code words} ("I cannot scan the QR code"); the page stays. */
    public Citizen reveal(String words) {
        element(By.xpath("//summary[normalize-space(.)=" + literal(words) + "]"), "summary", words).click();
        return this;
    }

    /**
     * Presses the button that reads {@code words} when its script changes the page in place (an error shown without
     * leaving it): nothing is waited for. Wait for what should appear, then {@link #checkAccessibility()}.
     */
    public Citizen pressInPlace(String words) {
        element(By.xpath("//button[normalize-space(.)=" + literal(words) + "]"), "button", words).click();
        return this;
    }

    /** Checks the page as it is now with axe-core (after a script changed it in place). */
    public Citizen checkAccessibility() {
        chromium.withScripting(() -> Accessibility.assertNoSeriousViolations(driver));
        return this;
    }

    /** Forgets every cookie of the browser, as when the citizen comes back after their session has gone. */
    public Citizen forgetCookies() {
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Switches the pages' own JavaScript off (or on) for the rest of the test. */
    public Citizen javaScript(boolean enabled) {
        chromium.javaScript(enabled);
        return this;
    }

    public String title() {
        return driver.getTitle();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The words of the page's main content. */
    public String text() {
        List<WebElement> main = driver.findElements(By.tagName("main"));
        return (main.isEmpty() ? driver.findElement(By.tagName("body")) : main.get(0)).getText();
    }

    /** The links of the error summary, in order. */
    public List<String> errorSummary() {
        return driver.findElements(By.cssSelector(".govuk-error-summary__list a")).stream()
                .map(WebElement::getText).toList();
    }

    /** The error message shown next to the field whose label reads {@code label}. */
    public String errorNextTo(String label) {
        String id = field(label).getAttribute("id");
        return driver.findElement(By.id(id + "-error")).getText();
    }

    /** The page's language ({@code <html lang>}). */
    public String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The path of the current Signet page. */
    public String path() {
        String url = url();
        if (!url.startsWith(signetBaseUrl)) {
            throw new AssertionError("Not on a Signet page: " + url);
        }
        String path = url.substring(signetBaseUrl.length());
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** The Signet pages axe-core checked so far in this test, as "path (title)". */
    public List<String> pagesChecked() {
        return List.copyOf(pagesChecked);
    }

    public ChromeDriver driver() {
        return driver;
    }

    private Citizen navigate(WebElement target) {
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        new WebDriverWait(driver, PATIENCE).until(PageChange.leftPage(page));
        arrived();
        return this;
    }

    private void arrived() {
        new WebDriverWait(driver, PATIENCE).until(browser -> "complete".equals(
                ((JavascriptExecutor) browser).executeScript("return document.readyState")));
        if (driver.getCurrentUrl().startsWith(signetBaseUrl)) {
            chromium.withScripting(() -> Accessibility.assertNoSeriousViolations(driver));
            pagesChecked.add(path() + " (" + title() + ")");
        }
    }

    private WebElement field(String label) {
        WebElement labelElement = element(By.xpath("//label[normalize-space(.)=" + literal(label) + "]"), "label",
                label);
        String id = labelElement.getAttribute("for");
        if (id == null || id.isEmpty()) {
            throw new AssertionError("The label \"" + label + "\" is not tied to a field (no for attribute)");
        }
        return driver.findElement(By.id(id));
    }

    private WebElement element(By by, String kind, String words) {
        try {
            return driver.findElement(by);
        } catch (NoSuchElementException e) {
            throw new AssertionError("No " + kind + " reading \"" + words + "\" on " + driver.getCurrentUrl() + " (\""
                    + driver.getTitle() + "\")");
        }
    }

    /** An XPath string literal for any text (XPath 1.0 has no escapes). */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
