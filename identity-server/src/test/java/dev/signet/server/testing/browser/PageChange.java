package dev.signet.server.testing.browser;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;

/** Waiting for the browser to leave a page: its old document element is gone. */
final class PageChange {

    private PageChange() {
    }

    /**
     * Like Selenium's {@code stalenessOf}, but also accepts how Chromium sometimes reports a node of a replaced
     * document ("Node with given id does not belong to the document", a plain WebDriverException) while the
     * navigation is under way.
     */
    static ExpectedCondition<Boolean> leftPage(WebElement oldDocument) {
        return driver -> {
            try {
                oldDocument.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }
}
