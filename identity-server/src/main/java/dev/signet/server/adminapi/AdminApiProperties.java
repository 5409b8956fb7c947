package dev.signet.server.adminapi;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How this server issues access tokens for Signet's admin API (docs/admin-api.md).
 *
 * @param audience the admin API's resource identifier, added to {@code aud} of every access token that carries an
 *                 admin scope; the admin API's {@code signet.admin.audience} must be the same value
 */
@Validated
@ConfigurationProperties("signet.admin-api")
public record AdminApiProperties(@NotBlank String audience) {
}
