package dev.signet.admin.relyingparties;

import dev.signet.admin.web.InvalidRequestException.FieldError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for the URIs in a registration. Redirect and post-logout redirect URIs are matched exactly by the
 * authorization server, so they must be usable as they are (RFC 6749 §3.1.2, RFC 9700 §2.1, RFC 8252 §7.3): absolute,
 * no fragment, no wildcard, and https, except http on a loopback address for native apps (127.0.0.1 or [::1], never
 * {@code localhost}, RFC 8252 §8.3). The URIs Signet itself calls (back-channel logout, security events, JWKS, sector
 * identifier document) must be https.
 */
final class RegistrationUris {

    private RegistrationUris() {
    }

    /** A redirect URI the authorization server can match exactly, or the problem with it. */
    static Optional<URI> redirect(String field, String value, List<FieldError> errors) {
        Optional<URI> parsed = absolute(field, value, errors);
        if (parsed.isEmpty()) {
            return parsed;
        }
        URI uri = parsed.get();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if ("https".equals(scheme) && uri.getHost() != null) {
            return parsed;
        }
        if ("http".equals(scheme) && ("127.0.0.1".equals(uri.getHost()) || "[::1]".equals(uri.getHost()))) {
            return parsed;
        }
        if ("http".equals(scheme) && "localhost".equalsIgnoreCase(uri.getHost())) {
            errors.add(new FieldError(field, "'" + value + "' uses localhost: a native app uses the loopback address "
                    + "127.0.0.1 or [::1] instead (RFC 8252 §8.3)."));
            return Optional.empty();
        }
        errors.add(new FieldError(field, "'" + value + "' must use https (http only on 127.0.0.1 or [::1], for native "
                + "apps)."));
        return Optional.empty();
    }

    /** A URI Signet calls or fetches: https only. */
    static Optional<URI> https(String field, String value, List<FieldError> errors) {
        Optional<URI> parsed = absolute(field, value, errors);
        if (parsed.isPresent() && (!"https".equalsIgnoreCase(parsed.get().getScheme())
                || parsed.get().getHost() == null)) {
            errors.add(new FieldError(field, "'" + value + "' must be an https URL with a host."));
            return Optional.empty();
        }
        return parsed;
    }

    private static Optional<URI> absolute(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "A URI may not be empty."));
            return Optional.empty();
        }
        if (value.contains("*")) {
            errors.add(new FieldError(field, "'" + value + "' contains a wildcard (*): register every URI exactly."));
            return Optional.empty();
        }
        if (value.contains("#")) {
            errors.add(new FieldError(field, "'" + value + "' must not contain a fragment (#)."));
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            errors.add(new FieldError(field, "'" + value + "' is not a valid URI."));
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            errors.add(new FieldError(field, "'" + value + "' must be an absolute URI such as "
                    + "https://service.example/callback."));
            return Optional.empty();
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError(field, "'" + value + "' must not contain a user name or password."));
            return Optional.empty();
        }
        return Optional.of(uri);
    }
}
