package dev.signet.client;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny OpenID provider for the client's unit tests, on a real HTTP port (com.sun.net.httpserver): discovery, a JWKS
 * whose Cache-Control and availability the test sets, and token, revocation and userinfo endpoints that answer what
 * the test says and record what they received. Tokens are signed with keys the test controls.
 */
final class TestProvider implements AutoCloseable {

    /** Generated once per JVM: RSA key generation is slow on a busy machine. */
    private static final ECKey EC_KEY;
    private static final RSAKey RSA_KEY;

    static {
        try {
            EC_KEY = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            RSA_KEY = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        } catch (JOSEException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final HttpServer server;
    final String issuer;
    final ECKey ecKey;
    final RSAKey rsaKey;
    volatile List<JWK> published;
    volatile String jwksCacheControl = "public, max-age=900";
    volatile int jwksStatus = 200;
    volatile boolean discoveryUp = true;
    final AtomicInteger jwksFetches = new AtomicInteger();
    final AtomicInteger discoveryFetches = new AtomicInteger();
    final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();
    final List<Map<String, String>> revocationRequests = new CopyOnWriteArrayList<>();
    final List<String> userInfoAuthorizations = new CopyOnWriteArrayList<>();
    volatile Function<Map<String, String>, Response> tokenEndpoint = form -> new Response(400,
            "{\"error\":\"invalid_request\"}");
    volatile Response revocationResponse = new Response(200, "");
    volatile Response userInfoResponse = new Response(200, "{\"sub\":\"citizen-1\"}");
    volatile long tokenEndpointDelayMillis;

    record Response(int status, String body) {
    }

    TestProvider() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
        ecKey = EC_KEY;
        rsaKey = RSA_KEY;
        published = List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK());
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", this::jwks);
        server.createContext("/token", exchange -> {
            Map<String, String> form = form(exchange);
            tokenRequests.add(form);
            if (tokenEndpointDelayMillis > 0) {
                try {
                    Thread.sleep(tokenEndpointDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Response response = tokenEndpoint.apply(form);
            send(exchange, response.status(), "application/json", response.body(), null);
        });
        server.createContext("/revoke", exchange -> {
            revocationRequests.add(form(exchange));
            send(exchange, revocationResponse.status(), "application/json", revocationResponse.body(), null);
        });
        server.createContext("/userinfo", exchange -> {
            userInfoAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            Response response = userInfoResponse;
            if (response.status() == 401) {
                exchange.getResponseHeaders().add("WWW-Authenticate",
                        "Bearer error=\"invalid_token\", error_description=\"The access token expired\"");
                send(exchange, 401, "text/plain", "", null);
            } else {
                send(exchange, response.status(), "application/json", response.body(), null);
            }
        });
        server.start();
    }

    private void discovery(HttpExchange exchange) throws IOException {
        discoveryFetches.incrementAndGet();
        if (!discoveryUp) {
            send(exchange, 503, "text/plain", "down", null);
            return;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("authorization_endpoint", issuer + "/authorize");
        metadata.put("token_endpoint", issuer + "/token");
        metadata.put("jwks_uri", issuer + "/jwks");
        metadata.put("userinfo_endpoint", issuer + "/userinfo");
        metadata.put("revocation_endpoint", issuer + "/revoke");
        metadata.put("end_session_endpoint", issuer + "/connect/logout");
        metadata.put("authorization_response_iss_parameter_supported", true);
        metadata.put("code_challenge_methods_supported", List.of("S256"));
        send(exchange, 200, "application/json", JSONObjectUtils.toJSONString(metadata), "max-age=3600");
    }

    private void jwks(HttpExchange exchange) throws IOException {
        jwksFetches.incrementAndGet();
        if (jwksStatus != 200) {
            send(exchange, jwksStatus, "text/plain", "unavailable", null);
            return;
        }
        send(exchange, 200, "application/jwk-set+json", new JWKSet(published).toString(true), jwksCacheControl);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String cacheControl)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        if (cacheControl != null) {
            exchange.getResponseHeaders().add("Cache-Control", cacheControl);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return form;
    }

    /** Signs {@code claims} with the EC key ({@code ES256}, kid ec-1) and the given typ (null: none). */
    String sign(JWTClaimsSet claims, String typ) {
        return sign(claims, typ, JWSAlgorithm.ES256, ecKey);
    }

    String sign(JWTClaimsSet claims, String typ, JWSAlgorithm algorithm, JWK key) {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID());
        if (typ != null) {
            header.type(new JOSEObjectType(typ));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        try {
            JWSSigner signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** A token response carrying the given ID token and access token. */
    static Response tokenResponse(String accessToken, String idToken, String refreshToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        if (idToken != null) {
            body.put("id_token", idToken);
        }
        body.put("scope", "openid email");
        return new Response(200, JSONObjectUtils.toJSONString(body));
    }

    URI uri(String path) {
        return URI.create(issuer + path);
    }

    List<Map<String, String>> tokenRequests() {
        return new ArrayList<>(tokenRequests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
