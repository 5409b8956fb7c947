package dev.signet.server.oidc.trust;

import dev.signet.server.web.PageConfiguration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code ui_locales}: space-separated BCP 47 language tags, most preferred first. */
final class UiLocales {

    private UiLocales() {
    }

    /** The first tag whose language Signet's pages are written in ({@code en-GB} counts as English). */
    static Optional<Locale> firstSupported(String uiLocales) {
        return Arrays.stream(uiLocales.trim().split(" +")).filter(tag -> !tag.isEmpty())
                .map(Locale::forLanguageTag)
                .flatMap(requested -> PageConfiguration.SUPPORTED_LOCALES.stream()
                        .filter(supported -> supported.getLanguage().equals(requested.getLanguage())))
                .findFirst();
    }
}
