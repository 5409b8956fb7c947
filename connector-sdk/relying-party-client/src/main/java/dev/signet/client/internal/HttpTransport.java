package dev.signet.client.internal;

import dev.signet.client.ProviderErrorException;
import dev.signet.client.ProviderUnavailableException;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every request the client makes to Signet: a per-request timeout on top of the HttpClient's connect timeout,
 * redirects not followed (an endpoint that redirects is misconfigured, and following one could leak credentials), and
 * transport failures turned into {@link ProviderUnavailableException}.
 */
public final class HttpTransport {

    private static final Pattern BEARER_ERROR = Pattern.compile("error=\"([^\"]*)\"");
    private static final Pattern BEARER_DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

    private final HttpClient client;
    private final Duration timeout;

    public HttpTransport(HttpClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** A response read completely into memory. */
    public record Response(int status, HttpHeaders headers, String body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Response get(String endpoint, URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        headers.forEach(request::header);
        return send(endpoint, request);
    }

    public Response postForm(String endpoint, URI uri, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
        return send(endpoint, request);
    }

    private Response send(String endpoint, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderUnavailableException("Signet's " + endpoint + " did not answer within " + timeout, e);
        } catch (IOException e) {
            throw new ProviderUnavailableException("Signet's " + endpoint + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while calling Signet's " + endpoint, e);
        }
        if (response.statusCode() >= 500) {
            throw new ProviderUnavailableException("Signet's " + endpoint + " answered " + response.statusCode());
        }
        return new Response(response.statusCode(), response.headers(), response.body());
    }

    /**
     * The JSON object of a successful response, or the OAuth 2.0 error of a failed one (RFC 6749 §5.2 body, or the
     * RFC 6750 {@code WWW-Authenticate} header).
     */
    public static Map<String, Object> jsonOrError(String endpoint, Response response) {
        if (!response.ok()) {
            throw error(endpoint, response);
        }
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new ProviderErrorException(endpoint, response.status(), null,
                    "the response is not a JSON object");
        }
    }

    public static ProviderErrorException error(String endpoint, Response response) {
        try {
            Map<String, Object> body = JSONObjectUtils.parse(response.body());
            Object error = body.get("error");
            Object description = body.get("error_description");
            if (error instanceof String code) {
                return new ProviderErrorException(endpoint, response.status(), code,
                        description instanceof String text ? text : null);
            }
        } catch (ParseException notJson) {
            // fall through to the header
        }
        Optional<String> challenge = response.headers().firstValue("WWW-Authenticate");
        if (challenge.isPresent()) {
            Matcher error = BEARER_ERROR.matcher(challenge.get());
            Matcher description = BEARER_DESCRIPTION.matcher(challenge.get());
            return new ProviderErrorException(endpoint, response.status(), error.find() ? error.group(1) : null,
                    description.find() ? description.group(1) : null);
        }
        return new ProviderErrorException(endpoint, response.status(), null, null);
    }

    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
