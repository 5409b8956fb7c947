package dev.signet.examples.endtoend;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A citizen's headless Chromium: finds fields by their labels and buttons and links by their words. Like Signet's own
 * browser tests (docs/browser-tests.md), it uses the machine's Chromium and chromedriver ({@code CHROME_BIN} and
 * {@code CHROMEDRIVER}, or the Debian packages' places) and downloads nothing; without them the test is skipped, or
 * fails with {@code -Dsignet.browser-tests=required}.
 */
final class Browser implements AutoCloseable {

    static final String HOW_TO_INSTALL = "This test needs Chromium and chromedriver: install the Debian packages "
            + "chromium and chromium-driver (apt-get install chromium chromium-driver), or set CHROME_BIN and "
            + "CHROMEDRIVER to their paths. See docs/browser-tests.md.";

    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private Browser(ChromeDriverService service, ChromeDriver driver) {
        this.service = service;
        this.driver = driver;
    }

    /** Whether this machine has Chromium and chromedriver. */
    static boolean installed() {
        return executable("CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome")).isPresent()
                && executable("CHROMEDRIVER", List.of("chromedriver")).isPresent();
    }

    /** Skips the test (or fails it, when browser tests are required) if Chromium is not installed. */
    static void assumeInstalled() {
        if (!installed()) {
            if ("required".equals(System.getProperty("signet.browser-tests"))) {
                throw new IllegalStateException(HOW_TO_INSTALL);
            }
            Assumptions.abort(HOW_TO_INSTALL);
        }
    }

    static Browser start() {
        assumeInstalled();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(executable("CHROMEDRIVER", List.of("chromedriver")).orElseThrow().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("CHROME_BIN", List.of("chromium", "chromium-browser", "google-chrome"))
                .orElseThrow().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-extensions", "--window-size=1280,1024", "--lang=en-GB");
        ChromeDriver driver = new ChromeDriver(service, options);
        // A click returns before the next page has loaded: look for an element for a while before giving up.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return new Browser(service, driver);
    }

    Browser visit(String url) {
        driver.get(url);
        return this;
    }

    /** Types into the field labelled {@code label}. */
    Browser fillIn(String label, String value) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]"));
        WebElement field = driver.findElement(By.id(labelElement.getAttribute("for")));
        field.clear();
        field.sendKeys(value);
        return this;
    }

    /** Presses the button with these words. */
    Browser press(String words) {
        driver.findElement(By.xpath("//button[normalize-space()=" + literal(words) + "] | //input[@type='submit' and "
                + "@value=" + literal(words) + "]")).click();
        return this;
    }

    /** Follows the link with these words. */
    Browser follow(String words) {
        driver.findElement(By.xpath("//a[normalize-space()=" + literal(words) + "]")).click();
        return this;
    }

    /** Chooses the radio button or checkbox labelled {@code label}. */
    Browser choose(String label) {
        driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]")).click();
        return this;
    }

    /**
     * Waits until the page's heading reads {@code expected}: a click that submits a form or follows a link returns
     * before the next page (or the end of a chain of redirects) has replaced the current one.
     */
    Browser awaitHeading(String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(browser -> expected.equals(browser.findElement(By.tagName("h1")).getText()));
        } catch (TimeoutException e) {
            throw new AssertionError("Expected the heading \"" + expected + "\" at " + url() + "; the page reads:\n"
                    + pageText(), e);
        }
        return this;
    }

    /** Waits until the browser has arrived at {@code url} (after a chain of redirects). */
    Browser awaitUrl(String url) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.urlToBe(url));
        return this;
    }

    /** Waits until the browser has arrived at an address starting with {@code prefix}. */
    Browser awaitUrlStartingWith(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(prefix)));
        return this;
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public void close() {
        driver.quit();
        service.stop();
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    private static Optional<Path> executable(String variable, List<String> names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        List<String> directories = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/lib/chromium"))
                .filter(directory -> !directory.isEmpty()).distinct().toList();
        return names.stream().flatMap(name -> directories.stream().map(directory -> Path.of(directory, name)))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file)).findFirst();
    }
}
