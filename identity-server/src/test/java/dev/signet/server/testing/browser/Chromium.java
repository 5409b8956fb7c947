package dev.signet.server.testing.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven through the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}). One browser serves every browser test of a JVM: starting Chromium costs seconds, and
 * tests stay independent by starting each journey with no cookies.
 */
final class Chromium {

    static final String MISSING = "Browser tests need Chromium and its driver: apt-get install chromium chromium-driver"
            + " (or set CHROME_BIN and CHROMEDRIVER to their paths)";

    private static ChromeDriver shared;

    private Chromium() {
    }

    static boolean installed() {
        return browserBinary().isPresent() && driverBinary().isPresent();
    }

    static synchronized ChromeDriver shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::quit, "chromium-shutdown"));
        }
        return shared;
    }

    private static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browserBinary().orElseThrow().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1024", "--lang=en-GB", "--no-first-run", "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driverBinary().orElseThrow().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static Optional<Path> browserBinary() {
        return firstExecutable(System.getenv("CHROME_BIN"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
    }

    private static Optional<Path> driverBinary() {
        return firstExecutable(System.getenv("CHROMEDRIVER"), "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver");
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        return Stream.of(candidates).filter(candidate -> candidate != null && !candidate.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
