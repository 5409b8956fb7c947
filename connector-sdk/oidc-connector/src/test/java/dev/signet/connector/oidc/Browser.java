package dev.signet.connector.oidc;

import dev.signet.connector.Callback;
import dev.signet.connector.Redirect;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A citizen's browser, as plain HTTP: follows the connector's redirect to the upstream provider (which signs in
 * without a login page) and reads where the provider sends it back, as Signet's callback would receive it.
 */
final class Browser {

    /** Goes to the upstream and comes back: the callback Signet would hand the connector. */
    Callback signIn(Redirect redirect, URI callbackUri) {
        URI back = visit(redirect.location());
        return new Callback(callbackUri, query(back), redirect.connectorState());
    }

    /** Where the upstream's answer to {@code location} sends the browser. */
    URI visit(URI location) {
        try {
            HttpURLConnection connection = (HttpURLConnection) location.toURL().openConnection();
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            if (status / 100 != 3) {
                throw new AssertionError("The upstream answered " + status + ", not a redirect");
            }
            return URI.create(connection.getHeaderField("Location"));
        } catch (IOException e) {
            throw new AssertionError("The upstream could not be reached", e);
        }
    }

    /** The query parameters of {@code uri}, decoded. */
    static Map<String, List<String>> query(URI uri) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
