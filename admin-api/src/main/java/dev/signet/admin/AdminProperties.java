package dev.signet.admin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The admin API's settings, under {@code signet.admin.*}.
 *
 * @param issuer                  Signet's issuer identifier: access tokens must carry exactly this {@code iss}
 * @param jwkSetUri               where Signet's signing keys are read; {@code <issuer>/oauth2/jwks} when unset (set it
 *                                when the admin API reaches Signet by another address than the public one)
 * @param audience                the admin API's resource identifier: access tokens must name it in {@code aud}
 *                                (identity-server's {@code signet.admin-api.audience})
 * @param idempotencyKeyLifetime  how long an idempotency key and its response are remembered
 */
@Validated
@ConfigurationProperties("signet.admin")
public record AdminProperties(
        @NotNull URI issuer,
        Optional<URI> jwkSetUri,
        @NotBlank String audience,
        @DefaultValue("PT24H") Duration idempotencyKeyLifetime) {

    public AdminProperties {
        if (issuer != null && (!issuer.isAbsolute() || issuer.toString().endsWith("/")
                || !("https".equals(issuer.getScheme()) || "http".equals(issuer.getScheme())))) {
            throw new IllegalArgumentException("signet.admin.issuer must be Signet's issuer: an absolute http(s) URL "
                    + "with no trailing slash, but was '" + issuer + "'");
        }
        jwkSetUri = jwkSetUri == null ? Optional.empty() : jwkSetUri;
        if (idempotencyKeyLifetime == null || idempotencyKeyLifetime.isNegative() || idempotencyKeyLifetime.isZero()) {
            throw new IllegalArgumentException("signet.admin.idempotency-key-lifetime must be a positive duration");
        }
    }

    /** Where the signing keys are read. */
    public URI effectiveJwkSetUri() {
        return jwkSetUri.orElseGet(() -> URI.create(issuer + "/oauth2/jwks"));
    }
}
