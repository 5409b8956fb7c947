package dev.signet.server.oidc.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UiLocalesTest {

    @Test
    void theFirstLanguageSignetSpeaksWins() {
        assertThat(UiLocales.firstSupported("cy en")).contains(Locale.forLanguageTag("cy"));
        assertThat(UiLocales.firstSupported("fr-CA cy-GB en")).contains(Locale.forLanguageTag("cy"));
        assertThat(UiLocales.firstSupported("en-GB cy")).contains(Locale.ENGLISH);
    }

    @Test
    void noLanguageSignetSpeaksLeavesThePageLanguageAlone() {
        assertThat(UiLocales.firstSupported("fr de")).isEmpty();
        assertThat(UiLocales.firstSupported("  ")).isEmpty();
        assertThat(UiLocales.firstSupported("%%%")).isEmpty();
    }
}
