package dev.signet.server.passkeys;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signet.passkeys.*}. Everything defaults from {@code signet.issuer}; set these only when the pages are served
 * from another host name than the issuer, or when passkeys should work across sub-domains. Checked at start-up by
 * {@link PasskeySettings#resolve}.
 *
 * @param rpId           the WebAuthn relying party id: the issuer's host name or a parent domain of it (a passkey
 *                       made for {@code account.example.gov.uk} is also usable on {@code login.example.gov.uk} only
 *                       if the rp id is {@code example.gov.uk}); unset = the issuer's host
 * @param rpName         the name an authenticator may show next to the passkey; unset = "Signet"
 * @param allowedOrigins the web origins (scheme, host and port, no path) whose pages may use the passkeys; unset = the
 *                       issuer's origin
 */
@ConfigurationProperties("signet.passkeys")
public record PasskeysProperties(String rpId, String rpName, List<String> allowedOrigins) {
}
