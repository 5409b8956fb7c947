package dev.signet.server.testing.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where this machine's Chromium and chromedriver are: {@code CHROME_BIN} / {@code CHROMEDRIVER} when set, otherwise the
 * first of the usual names on the {@code PATH} or in Debian's places (the packages {@code chromium} and
 * {@code chromium-driver} put them in /usr/bin). Never downloads anything.
 */
record ChromiumInstallation(Path chromium, Path chromedriver) {

    static final String HOW_TO_INSTALL = "Browser tests need Chromium and chromedriver: install the Debian packages "
            + "chromium and chromium-driver (apt-get install chromium chromium-driver), or set CHROME_BIN and "
            + "CHROMEDRIVER to their paths. See docs/browser-tests.md.";

    private static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final List<String> CHROMEDRIVER_NAMES = List.of("chromedriver");
    private static final List<String> OTHER_DIRECTORIES = List.of("/usr/bin", "/usr/lib/chromium");

    static Optional<ChromiumInstallation> find() {
        Optional<Path> chromium = executable("CHROME_BIN", CHROMIUM_NAMES);
        Optional<Path> chromedriver = executable("CHROMEDRIVER", CHROMEDRIVER_NAMES);
        return chromium.flatMap(browser -> chromedriver.map(driver -> new ChromiumInstallation(browser, driver)));
    }

    private static Optional<Path> executable(String variable, List<String> names) {
        String configured = System.getenv(variable);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        List<String> directories = Stream.concat(Stream.of(path.split(File.pathSeparator)), OTHER_DIRECTORIES.stream())
                .filter(dir -> !dir.isEmpty()).distinct().toList();
        return names.stream()
                .flatMap(name -> directories.stream().map(dir -> Path.of(dir, name)))
                .filter(file -> Files.isRegularFile(file) && Files.isExecutable(file))
                .findFirst();
    }
}
