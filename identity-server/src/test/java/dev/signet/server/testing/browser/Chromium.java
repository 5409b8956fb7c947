package dev.signet.server.testing.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * One headless Chromium, driven through chromedriver, shared by every browser test of the JVM (starting one costs
 * seconds). Tests get it back clean: {@link #reset()} forgets cookies and storage and switches JavaScript back on.
 * Chromium reaches the {@link TestRelyingParty} through a host rule, so the relying party's registered redirect URI
 * (a fixed loopback address) lands on the relying party's real, randomly chosen port.
 */
public final class Chromium implements AutoCloseable {

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final TestRelyingParty relyingParty;
    private volatile boolean javaScriptEnabled = true;
    private final List<VirtualAuthenticator> authenticators = new CopyOnWriteArrayList<>();

    private Chromium(ChromeDriverService service, ChromeDriver driver, TestRelyingParty relyingParty) {
        this.service = service;
        this.driver = driver;
        this.relyingParty = relyingParty;
    }

    static Chromium start(ChromiumInstallation installation) {
        TestRelyingParty relyingParty = TestRelyingParty.start();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        // An explicit binary and driver: Selenium Manager is never asked to download one.
        options.setBinary(installation.chromium().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-extensions", "--window-size=1280,1024", "--lang=en-GB",
                "--host-rules=MAP " + TestRelyingParty.REGISTERED_AUTHORITY + " 127.0.0.1:" + relyingParty.port());
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
        options.setPageLoadTimeout(Duration.ofSeconds(60));
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            return new Chromium(service, driver, relyingParty);
        } catch (RuntimeException e) {
            service.stop();
            relyingParty.close();
            throw new IllegalStateException("Chromium (" + installation.chromium() + ") or chromedriver ("
                    + installation.chromedriver() + ") is installed but did not start; their major versions must "
                    + "match", e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public TestRelyingParty relyingParty() {
        return relyingParty;
    }

    /**
     * Adds a WebDriver virtual authenticator (a passkey device the browser can use); it is removed before the next
     * test.
     */
    public VirtualAuthenticator addVirtualAuthenticator(VirtualAuthenticatorOptions options) {
        VirtualAuthenticator authenticator = driver.addVirtualAuthenticator(options);
        authenticators.add(authenticator);
        return authenticator;
    }

    /** Back to a fresh browser: no cookies or site storage, no virtual authenticators, JavaScript on, a blank page. */
    void reset() {
        authenticators.forEach(driver::removeVirtualAuthenticator);
        authenticators.clear();
        driver.get("about:blank");
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", "*", "storageTypes", "all"));
        javaScript(true);
        relyingParty.forgetSignIns();
    }

    /**
     * Switches the pages' own scripts on or off (WebDriver's injected scripts, such as axe-core, still run). A page
     * that works with scripts off works for the citizens whose browsers have none.
     */
    public void javaScript(boolean enabled) {
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", !enabled));
        javaScriptEnabled = enabled;
    }

    /**
     * Runs {@code check} with scripting on: axe-core needs timers and promises, which stay paused while the page's
     * scripts are off. Switching scripting on after a page has loaded does not run the page's own scripts.
     */
    void withScripting(Runnable check) {
        if (javaScriptEnabled) {
            check.run();
            return;
        }
        javaScript(true);
        try {
            check.run();
        } finally {
            javaScript(false);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            relyingParty.close();
        }
    }
}
