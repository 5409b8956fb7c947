package dev.signet.connector.remote;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.signet.connector.remote.internal.BoundedHttp;
import dev.signet.connector.remote.internal.MessageRejected;
import dev.signet.connector.remote.internal.Operation;
import dev.signet.connector.remote.internal.Protocol;
import dev.signet.connector.remote.internal.SignedMessages;
import dev.signet.connector.remote.internal.VerificationKeys;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One signed call to a remote connector: signs the request, posts it, and returns the answer's claims only once the
 * answer is signed by the connector's key, is meant for Signet, and answers this very request ({@code in_response_to}
 * is the request's {@code jti}, {@code request_hash} its SHA-256).
 */
final class RemoteCalls {

    /** A call that gave no usable answer; the message is an operator's reason, free of personal data. */
    static final class CallFailed extends Exception {

        private static final long serialVersionUID = 1L;

        CallFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final Pattern PROBLEM_TYPE = Pattern.compile("urn:signet:remote-connector:([a-z-]{1,40})");

    private final RemoteSettings settings;
    private final BoundedHttp http;
    private final VerificationKeys connectorKeys;
    private final SignedMessages messages;
    private final Clock clock;

    RemoteCalls(RemoteSettings settings, BoundedHttp http, VerificationKeys connectorKeys, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.connectorKeys = connectorKeys;
        this.messages = new SignedMessages(clock);
        this.clock = clock;
    }

    /** Calls {@code operation} with {@code parameters} and returns the verified answer's claims. */
    Map<String, Object> call(Operation operation, Map<String, Object> parameters) throws CallFailed {
        String jti = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("aud", settings.url().toString());
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plus(Protocol.MESSAGE_LIFETIME)));
        claims.put("jti", jti);
        claims.put(Protocol.OPERATION, operation.wireName());
        claims.putAll(parameters);
        String request = settings.signingKey().sign(Protocol.REQUEST_TYPE, claims);

        HttpRequest post = HttpRequest.newBuilder(URI.create(settings.url() + "/" + operation.wireName()))
                .timeout(settings.requestTimeout())
                .header("Content-Type", Protocol.MEDIA_TYPE)
                .header("Accept", Protocol.MEDIA_TYPE + ", " + Protocol.PROBLEM_MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(request, StandardCharsets.US_ASCII))
                .build();
        BoundedHttp.Response response;
        try {
            response = http.send(post, settings.requestTimeout(), Protocol.MAX_RESPONSE_BYTES);
        } catch (BoundedHttp.Failure e) {
            throw new CallFailed(e.getMessage());
        }
        if (response.status() != 200) {
            throw new CallFailed("the connector answered HTTP " + response.status() + problemCode(response));
        }
        if (!response.contentType().map(type -> type.startsWith(Protocol.MEDIA_TYPE)).orElse(false)) {
            throw new CallFailed("the connector's answer is not " + Protocol.MEDIA_TYPE);
        }
        JWTClaimsSet answer;
        try {
            answer = messages.verify(new String(response.body(), StandardCharsets.US_ASCII), Protocol.RESPONSE_TYPE,
                    connectorKeys, settings.url().toString(), settings.issuer());
        } catch (MessageRejected e) {
            throw new CallFailed("the connector's answer was rejected (" + e.code() + "): " + e.getMessage());
        }
        if (!jti.equals(answer.getClaim(Protocol.IN_RESPONSE_TO))
                || !SignedMessages.requestHash(request).equals(answer.getClaim(Protocol.REQUEST_HASH))) {
            throw new CallFailed("the connector's answer was rejected (not-this-request): it does not answer the "
                    + "request just sent");
        }
        return answer.getClaims();
    }

    /** The refusal's kind, from its problem type when it is one of the protocol's. */
    private static String problemCode(BoundedHttp.Response response) {
        if (!response.contentType().map(type -> type.startsWith(Protocol.PROBLEM_MEDIA_TYPE)).orElse(false)) {
            return "";
        }
        try {
            Object type = JSONObjectUtils.parse(new String(response.body(), StandardCharsets.UTF_8)).get("type");
            var matcher = PROBLEM_TYPE.matcher(String.valueOf(type));
            return matcher.matches() ? " (" + matcher.group(1) + ")" : "";
        } catch (ParseException e) {
            return "";
        }
    }
}
