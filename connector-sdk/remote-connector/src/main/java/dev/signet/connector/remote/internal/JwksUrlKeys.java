package dev.signet.connector.remote.internal;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Public keys published at a JWKS URL. The set is kept for {@link #KEEP}; a message whose {@code kid} is not in it
 * makes it fetch again (the other end rotated its keys), at most once per {@link #REFETCH_INTERVAL}, so a flood of
 * messages with made-up key ids cannot flood the key server. When the URL does not answer, the keys fetched last keep
 * verifying.
 */
public final class JwksUrlKeys implements VerificationKeys {

    static final Duration KEEP = Duration.ofMinutes(10);
    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);
    private static final int MAX_BYTES = 256 * 1024;

    private final URI url;
    private final BoundedHttp http;
    private final Duration deadline;
    private final Clock clock;

    private JWKSet keys;
    private Instant fetchedAt = Instant.MIN;
    private Instant refetchedForUnknownKey = Instant.MIN;

    public JwksUrlKeys(URI url, BoundedHttp http, Duration deadline, Clock clock) {
        this.url = url;
        this.http = http;
        this.deadline = deadline;
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> candidates(JWSHeader header) throws MessageRejected {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        Instant now = clock.instant();
        if (keys == null || fetchedAt.plus(KEEP).isBefore(now)) {
            refresh(now);
        }
        List<JWK> found = selector.select(keys);
        if (found.isEmpty() && refetchedForUnknownKey.plus(REFETCH_INTERVAL).isBefore(now)) {
            refetchedForUnknownKey = now;
            refresh(now);
            found = selector.select(keys);
        }
        return found;
    }

    private void refresh(Instant now) throws MessageRejected {
        try {
            keys = fetch();
            fetchedAt = now;
        } catch (MessageRejected e) {
            if (keys == null) {
                throw e;
            }
            // Keep the keys we have, and try again after KEEP rather than on every message while the URL is down.
            fetchedAt = now;
        }
    }

    private JWKSet fetch() throws MessageRejected {
        HttpRequest request = HttpRequest.newBuilder(url).GET().header("Accept", "application/json")
                .timeout(deadline).build();
        BoundedHttp.Response response;
        try {
            response = http.send(request, deadline, MAX_BYTES);
        } catch (BoundedHttp.Failure e) {
            throw new MessageRejected("keys-unavailable", "the JWKS URL failed: " + e.getMessage());
        }
        if (response.status() != 200) {
            throw new MessageRejected("keys-unavailable", "the JWKS URL answered HTTP " + response.status());
        }
        try {
            JWKSet set = JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8));
            return set.toPublicJWKSet();
        } catch (ParseException e) {
            throw new MessageRejected("keys-unavailable", "the JWKS URL did not answer a JWK set");
        }
    }
}
