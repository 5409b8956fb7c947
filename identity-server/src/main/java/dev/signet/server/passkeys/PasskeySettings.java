package dev.signet.server.passkeys;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebAuthn relying party Signet is, resolved from {@code signet.passkeys.*} and {@code signet.issuer}: a
 * browser creates and uses a passkey only for an rp id that is the page's host or a parent domain of it, and Signet
 * accepts a ceremony only from one of its allowed origins.
 */
record PasskeySettings(String rpId, String rpName, Set<String> allowedOrigins) {

    static final String DEFAULT_RP_NAME = "Signet";
    private static final Logger log = LoggerFactory.getLogger(PasskeySettings.class);
    private static final Pattern HOST_NAME =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    PasskeySettings {
        Objects.requireNonNull(rpId, "rpId");
        Objects.requireNonNull(rpName, "rpName");
        allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /**
     * Checks explicit settings strictly. Values derived from {@code signet.issuer} are not refused (a plain-http or
     * IP-address issuer is fine for everything else), only reported: browsers will not offer passkeys there.
     *
     * @throws InvalidPasskeySettingException naming the setting, when a configured value cannot work in a browser
     */
    static PasskeySettings resolve(PasskeysProperties properties, URI issuer) {
        List<String> configuredOrigins = properties.allowedOrigins();
        Set<String> origins = new LinkedHashSet<>();
        if (configuredOrigins == null || configuredOrigins.isEmpty()) {
            origins.add(origin(issuer.toString(), "signet.issuer", false));
        } else {
            for (int i = 0; i < configuredOrigins.size(); i++) {
                origins.add(origin(configuredOrigins.get(i), "signet.passkeys.allowed-origins[" + i + "]", true));
            }
        }
        String rpId;
        if (blank(properties.rpId())) {
            rpId = issuer.getHost().toLowerCase(Locale.ROOT);
        } else {
            rpId = properties.rpId().trim();
            if (!isDomainName(rpId)) {
                throw new InvalidPasskeySettingException("signet.passkeys.rp-id", "must be a lower-case domain name "
                        + "without scheme, port or path (such as account.example.gov.uk), but was '" + rpId + "'");
            }
        }
        for (String origin : origins) {
            String host = URI.create(origin).getHost();
            if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
                throw new InvalidPasskeySettingException("signet.passkeys.rp-id", "must be the host name of every "
                        + "allowed origin or a parent domain of it, but '" + rpId + "' does not cover " + origin
                        + " (set signet.passkeys.rp-id or signet.passkeys.allowed-origins)");
            }
            if (origin.startsWith("http:") && !host.equals("localhost")) {
                log.warn("Passkeys will not work on {}: browsers offer them only on https pages and "
                        + "http://localhost (see signet.issuer and docs/passkeys.md)", origin);
            }
        }
        if (!isDomainName(rpId)) {
            log.warn("Passkeys will not work with the relying party id '{}' taken from signet.issuer: browsers accept "
                    + "only domain names (set signet.passkeys.rp-id)", rpId);
        }
        String rpName = blank(properties.rpName()) ? DEFAULT_RP_NAME : properties.rpName().trim();
        if (rpName.length() > 64) {
            throw new InvalidPasskeySettingException("signet.passkeys.rp-name",
                    "must have at most 64 characters, but has " + rpName.length());
        }
        return new PasskeySettings(rpId, rpName, origins);
    }

    private static boolean isDomainName(String value) {
        return HOST_NAME.matcher(value).matches() && !value.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /**
     * The origin (RFC 6454) of {@code value}. {@code secureOnly}: it must be https, or http on localhost (a secure
     * context), as browsers require for WebAuthn.
     */
    private static String origin(String value, String setting, boolean secureOnly) {
        URI uri;
        try {
            uri = new URI(value == null ? "" : value.trim());
        } catch (URISyntaxException e) {
            throw new InvalidPasskeySettingException(setting, "must be a web origin such as "
                    + "https://account.example.gov.uk, but was '" + value + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean pathless = !secureOnly || uri.getRawPath() == null || uri.getRawPath().isEmpty();
        if (host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !pathless || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidPasskeySettingException(setting, "must be a web origin (scheme, host and port only) "
                    + "such as https://account.example.gov.uk, but was '" + value + "'");
        }
        if (secureOnly && scheme.equals("http") && !host.equals("localhost")) {
            throw new InvalidPasskeySettingException(setting, "must use https: browsers offer passkeys only to "
                    + "https pages (and http://localhost), but was '" + value + "'");
        }
        return scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** A {@code signet.passkeys.*} value (or the issuer it defaults from) that cannot work. */
    static final class InvalidPasskeySettingException extends IllegalStateException {

        private final String setting;

        InvalidPasskeySettingException(String setting, String problem) {
            super(setting + " " + problem);
            this.setting = setting;
        }

        String setting() {
            return setting;
        }
    }
}
