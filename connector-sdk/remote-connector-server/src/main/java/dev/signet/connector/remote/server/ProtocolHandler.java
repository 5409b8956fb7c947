package dev.signet.connector.remote.server;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.signet.connector.remote.internal.MessageRejected;
import dev.signet.connector.remote.internal.Operation;
import dev.signet.connector.remote.internal.Protocol;
import dev.signet.connector.remote.internal.SignedMessages;
import dev.signet.connector.remote.internal.SigningKey;
import dev.signet.connector.remote.internal.VerificationKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One operation's endpoint: checks the request (size, signature by Signet, issuer, audience, freshness, operation,
 * never seen before), runs it on the connector, and answers with a response signed by the connector's key and bound
 * to the request. Refusals are RFC 9457 problem details, unsigned: they carry no outcome, and Signet treats any of
 * them as the connector being unavailable.
 */
final class ProtocolHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ProtocolHandler.class);

    private final Operation operation;
    private final ServerSettings settings;
    private final VerificationKeys signetKeys;
    private final SigningKey signingKey;
    private final ReplayCache replays;
    private final ConnectorDispatcher dispatcher;
    private final SignedMessages messages;
    private final Clock clock;

    ProtocolHandler(Operation operation, ServerSettings settings, VerificationKeys signetKeys, ReplayCache replays,
            ConnectorDispatcher dispatcher, Clock clock) {
        this.operation = operation;
        this.settings = settings;
        this.signetKeys = signetKeys;
        this.signingKey = settings.signingKey();
        this.replays = replays;
        this.dispatcher = dispatcher;
        this.messages = new SignedMessages(clock);
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String request = readRequest(exchange);
                JWTClaimsSet claims = verify(request);
                Map<String, Object> outcome = dispatcher.run(operation, claims.getClaims());
                answer(exchange, request, claims.getJWTID(), outcome);
            } catch (Refusal refusal) {
                log.warn("Refused a {} request ({}): {}", operation.wireName(), refusal.code(), refusal.getMessage());
                refuse(exchange, refusal);
            }
        } catch (RuntimeException e) {
            log.error("Failed to answer a {} request ({})", operation.wireName(), e.getClass().getName());
        }
    }

    private String readRequest(HttpExchange exchange) throws Refusal, IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw new Refusal(405, "method-not-allowed", "only POST is served");
        }
        if (!exchange.getRequestURI().getPath().equals(exchange.getHttpContext().getPath())) {
            throw new Refusal(404, "not-found", "no such operation");
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith(Protocol.MEDIA_TYPE)) {
            throw new Refusal(415, "unsupported-media-type", "the request body must be " + Protocol.MEDIA_TYPE);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(Protocol.MAX_REQUEST_BYTES + 1);
            if (body.length > Protocol.MAX_REQUEST_BYTES) {
                throw new Refusal(413, "request-too-large", "the request is larger than "
                        + Protocol.MAX_REQUEST_BYTES + " bytes");
            }
            return new String(body, StandardCharsets.US_ASCII).trim();
        }
    }

    private JWTClaimsSet verify(String request) throws Refusal {
        JWTClaimsSet claims;
        try {
            claims = messages.verify(request, Protocol.REQUEST_TYPE, signetKeys, settings.signetIssuer(),
                    settings.audience());
        } catch (MessageRejected e) {
            throw new Refusal(e.code().equals("keys-unavailable") ? 503 : 401, e.code(), e.getMessage());
        }
        if (!operation.wireName().equals(claims.getClaim(Protocol.OPERATION))) {
            throw new Refusal(400, "wrong-operation", "the request was signed for another operation");
        }
        Instant keepUntil = claims.getExpirationTime().toInstant().plus(Protocol.CLOCK_SKEW);
        if (!replays.firstUse(claims.getJWTID(), keepUntil)) {
            throw new Refusal(401, "replayed", "a request with this jti was served before");
        }
        return claims;
    }

    private void answer(HttpExchange exchange, String request, String jti, Map<String, Object> outcome)
            throws IOException {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.audience());
        claims.put("aud", settings.signetIssuer());
        claims.put("iat", Date.from(now));
        claims.put("exp", Date.from(now.plus(Protocol.MESSAGE_LIFETIME)));
        claims.put("jti", UUID.randomUUID().toString());
        claims.put(Protocol.IN_RESPONSE_TO, jti);
        claims.put(Protocol.REQUEST_HASH, SignedMessages.requestHash(request));
        claims.putAll(outcome);
        send(exchange, 200, Protocol.MEDIA_TYPE,
                signingKey.sign(Protocol.RESPONSE_TYPE, claims).getBytes(StandardCharsets.US_ASCII));
    }

    private static void refuse(HttpExchange exchange, Refusal refusal) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:signet:remote-connector:" + refusal.code());
        problem.put("title", refusal.getMessage());
        problem.put("status", refusal.status());
        if (refusal.status() == 405) {
            exchange.getResponseHeaders().set("Allow", "POST");
        }
        send(exchange, refusal.status(), Protocol.PROBLEM_MEDIA_TYPE,
                JSONObjectUtils.toJSONString(problem).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
