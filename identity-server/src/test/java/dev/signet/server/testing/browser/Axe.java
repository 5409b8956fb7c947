package dev.signet.server.testing.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core (the accessibility rules engine) on the page the browser shows and fails on any serious or critical
 * violation of WCAG 2.0/2.1 A and AA. The script is injected by the test, never served by Signet: pages stay free of
 * inline script (CSP).
 */
final class Axe {

    /** Keep in step with axe-core.version in the parent pom. */
    private static final String VERSION = "4.6.3";
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                    resultTypes: ['violations']})
               .then(results => done(results.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                     targets: v.nodes.map(n => n.target.join(' ')).join(', ')}))))
               .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), targets: ''}]));
            """;

    private static String script;

    private Axe() {
    }

    /** The serious or critical violations on the current page, one line each; empty when there are none. */
    @SuppressWarnings("unchecked")
    static List<String> seriousViolations(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(script());
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(RUN);
        List<String> failing = new ArrayList<>();
        for (Map<String, Object> violation : violations) {
            if (FAILING_IMPACTS.contains(String.valueOf(violation.get("impact")))) {
                failing.add(violation.get("impact") + " " + violation.get("id") + ": " + violation.get("help")
                        + " at " + violation.get("targets"));
            }
        }
        return failing;
    }

    private static synchronized String script() {
        if (script == null) {
            String resource = "/META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
            try (InputStream in = Axe.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core not on the test classpath: " + resource);
                }
                script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }
}
