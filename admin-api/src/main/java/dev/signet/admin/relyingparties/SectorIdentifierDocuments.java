package dev.signet.admin.relyingparties;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a sector identifier document (OpenID Connect Core §8.1): an https URL answering a JSON array of the redirect
 * URIs that share one pairwise sector. Bounded: a short timeout, no redirects followed, at most 64 KiB.
 */
public class SectorIdentifierDocuments {

    static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;

    public SectorIdentifierDocuments(HttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** A client for the real internet: https with the JDK's trusted certificate authorities, no redirects. */
    public static SectorIdentifierDocuments standard() {
        return new SectorIdentifierDocuments(HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** The URIs the document lists, or a problem in plain words. */
    public Outcome read(URI document) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(document).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return new Outcome.Unreadable("could not be fetched (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Unreadable("could not be fetched (interrupted)");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                return new Outcome.Unreadable("answered HTTP " + response.statusCode() + " instead of 200");
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return new Outcome.Unreadable("is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            JsonNode array = JSON.readTree(bytes);
            if (array == null || !array.isArray()) {
                return new Outcome.Unreadable("is not a JSON array of redirect URIs");
            }
            List<String> uris = new ArrayList<>();
            for (JsonNode item : array) {
                if (!item.isString()) {
                    return new Outcome.Unreadable("is not a JSON array of redirect URIs (strings)");
                }
                uris.add(item.asString());
            }
            return new Outcome.Listed(List.copyOf(uris));
        } catch (IOException | JacksonException e) {
            return new Outcome.Unreadable("is not a JSON array of redirect URIs");
        }
    }

    /** What reading a document gave. */
    public sealed interface Outcome {
        /** The document's redirect URIs. */
        record Listed(List<String> redirectUris) implements Outcome {
        }

        /** Why it could not be used. */
        record Unreadable(String reason) implements Outcome {
        }
    }
}
