package dev.signet.server.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core in the page the browser shows: the WCAG 2.0, 2.1 and 2.2 A and AA rules and axe's best practices.
 * Findings of serious or critical impact fail the test; minor and moderate ones do not (axe reports some of them on
 * GOV.UK Design System markup by design). axe-core comes from Deque's axe-core Selenium artifact, whose axe.min.js is
 * injected through WebDriver; the page's own scripts may be off, the injected one still runs.
 */
public final class Accessibility {

    static final List<String> RULE_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
    static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

    private static final String AXE_SOURCE = axeSource();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                .then(results => done({version: axe.version, violations: results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html, summary: n.failureSummary}))
                }))}))
                .catch(error => done({error: String(error)}));
            """;

    private Accessibility() {
    }

    /** A rule the page breaks, with the elements that break it. */
    public record Violation(String rule, String impact, String help, String helpUrl, List<Map<String, Object>> nodes) {

        boolean fails() {
            return FAILING_IMPACTS.contains(impact);
        }

        @Override
        public String toString() {
            return "[" + impact + "] " + rule + ": " + help + " (" + helpUrl + ")" + nodes.stream()
                    .map(node -> "\n    " + node.get("target") + "  " + node.get("html") + "\n      "
                            + String.valueOf(node.get("summary")).replace("\n", "\n      "))
                    .collect(Collectors.joining());
        }
    }

    /** Every violation axe finds in the current page, whatever its impact. */
    @SuppressWarnings("unchecked")
    public static List<Violation> violations(WebDriver driver) {
        JavascriptExecutor script = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(script.executeScript("return typeof axe !== 'undefined'"))) {
            script.executeScript(AXE_SOURCE);
        }
        Map<String, Object> result = (Map<String, Object>) script.executeAsyncScript(RUN, RULE_TAGS);
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe-core could not check " + driver.getCurrentUrl() + ": "
                    + result.get("error"));
        }
        return ((List<Map<String, Object>>) result.get("violations")).stream()
                .map(v -> new Violation((String) v.get("id"), String.valueOf(v.get("impact")), (String) v.get("help"),
                        (String) v.get("helpUrl"), (List<Map<String, Object>>) v.get("nodes")))
                .toList();
    }

    /** Fails when the current page has a serious or critical violation, listing each with its elements. */
    public static void assertNoSeriousViolations(WebDriver driver) {
        List<Violation> failing = violations(driver).stream().filter(Violation::fails).toList();
        if (!failing.isEmpty()) {
            throw new AssertionError("axe-core found " + failing.size() + " serious or critical accessibility "
                    + "violation(s) on " + driver.getCurrentUrl() + " (\"" + driver.getTitle() + "\"):\n  "
                    + failing.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private static String axeSource() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is missing: identity-server's tests depend on "
                        + "com.deque.html.axe-core:selenium for it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
