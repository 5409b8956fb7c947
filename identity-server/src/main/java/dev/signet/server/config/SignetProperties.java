package dev.signet.server.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every part of the identity server shares, under {@code signet.*}. Features keep their own settings in
 * their own records under {@code signet.<feature>.*}.
 *
 * @param issuer        the issuer identifier: the public base URL relying parties see (no trailing slash, no query)
 * @param dataDirectory where the embedded default keeps its database and outbox
 */
@Validated
@ConfigurationProperties("signet")
public record SignetProperties(@NotNull URI issuer, @NotNull Path dataDirectory) {

    public SignetProperties {
        if (issuer != null) {
            String text = issuer.toString();
            if (!issuer.isAbsolute() || text.endsWith("/") || issuer.getQuery() != null || issuer.getFragment() != null
                    || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme()))) {
                throw new IllegalArgumentException("signet.issuer must be an absolute http(s) URL with no trailing "
                        + "slash, query or fragment, but was '" + text + "'");
            }
        }
    }
}
