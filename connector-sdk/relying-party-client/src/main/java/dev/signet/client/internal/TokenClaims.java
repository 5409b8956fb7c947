package dev.signet.client.internal;

import dev.signet.client.AudienceMismatchException;
import dev.signet.client.AuthorizedPartyMismatchException;
import dev.signet.client.InvalidClaimException;
import dev.signet.client.IssuerMismatchException;
import dev.signet.client.MissingClaimException;
import dev.signet.client.TokenExpiredException;
import dev.signet.client.TokenIssuedInFutureException;
import dev.signet.client.UnexpectedClaimException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of a verified token's claims, and the checks every Signet token shares ({@code iss}, {@code aud},
 * {@code azp}, {@code exp}, {@code iat}, {@code nbf}). A claim of the wrong JSON type is an
 * {@link InvalidClaimException}, an absent required one a {@link MissingClaimException}.
 */
public final class TokenClaims {

    private final String kind;
    private final Map<String, Object> claims;

    public TokenClaims(String kind, Map<String, Object> claims) {
        this.kind = kind;
        this.claims = claims;
    }

    public String kind() {
        return kind;
    }

    public Optional<String> string(String name) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new InvalidClaimException("The " + kind + "'s " + name + " claim is not a string");
        }
        return Optional.of(text);
    }

    public String requiredString(String name) {
        return string(name).orElseThrow(() -> missing(name));
    }

    public Optional<Instant> time(String name) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            throw new InvalidClaimException("The " + kind + "'s " + name + " claim is not a number of seconds");
        }
        return Optional.of(Instant.ofEpochSecond(number.longValue()));
    }

    public Instant requiredTime(String name) {
        return time(name).orElseThrow(() -> missing(name));
    }

    public List<String> audience() {
        Object value = claims.get("aud");
        if (value == null) {
            throw missing("aud");
        }
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new InvalidClaimException("The " + kind + "'s aud claim is neither a string nor an array of strings");
    }

    public Optional<Map<String, Object>> object(String name) {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidClaimException("The " + kind + "'s " + name + " claim is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return Optional.of(object);
    }

    public boolean has(String name) {
        return claims.get(name) != null;
    }

    public void absent(String name, String why) {
        if (claims.containsKey(name)) {
            throw new UnexpectedClaimException("The " + kind + " must not contain " + name + ": " + why);
        }
    }

    public void issuer(String expected) {
        String issuer = requiredString("iss");
        if (!issuer.equals(expected)) {
            throw new IssuerMismatchException("The " + kind + " was issued by " + issuer + ", not by " + expected);
        }
    }

    /** {@code aud} contains the client; {@code azp}, when present or needed, is the client (OIDC Core §3.1.3.7). */
    public List<String> audienceAndAuthorizedParty(String clientId, boolean checkAuthorizedParty) {
        List<String> audience = audience();
        if (!audience.contains(clientId)) {
            throw new AudienceMismatchException("The " + kind + " is for " + audience + ", not for client "
                    + clientId);
        }
        if (checkAuthorizedParty) {
            Optional<String> azp = string("azp");
            if (azp.isPresent() && !azp.get().equals(clientId)) {
                throw new AuthorizedPartyMismatchException("The " + kind + "'s azp is " + azp.get()
                        + ", not client " + clientId);
            }
            if (azp.isEmpty() && audience.size() > 1) {
                throw new AuthorizedPartyMismatchException("The " + kind + " has several audiences " + audience
                        + " and no azp naming this client");
            }
        }
        return audience;
    }

    /** {@code exp} (when required or present) not passed, {@code iat} and {@code nbf} not ahead, within skew. */
    public void times(Instant now, Duration skew, boolean expiryRequired) {
        Optional<Instant> exp = time("exp");
        if (exp.isEmpty() && expiryRequired) {
            throw missing("exp");
        }
        if (exp.isPresent() && now.isAfter(exp.get().plus(skew))) {
            throw new TokenExpiredException("The " + kind + " expired at " + exp.get() + " (now " + now
                    + ", allowed clock skew " + skew.toSeconds() + " s)");
        }
        Instant iat = requiredTime("iat");
        if (iat.isAfter(now.plus(skew))) {
            throw new TokenIssuedInFutureException("The " + kind + " was issued at " + iat + ", in the future (now "
                    + now + ", allowed clock skew " + skew.toSeconds() + " s)");
        }
        Optional<Instant> nbf = time("nbf");
        if (nbf.isPresent() && nbf.get().isAfter(now.plus(skew))) {
            throw new TokenIssuedInFutureException("The " + kind + " is not valid before " + nbf.get() + " (now "
                    + now + ")");
        }
    }

    public MissingClaimException missing(String name) {
        return new MissingClaimException("The " + kind + " has no " + name + " claim");
    }

    /** A deep, unmodifiable copy as plain Java collections; JSON nulls are left out. */
    public Map<String, Object> frozen() {
        return freeze(claims);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> freeze(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            Object frozen = freezeValue(value);
            if (frozen != null) {
                copy.put(key, frozen);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freezeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return freeze((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object item : list) {
                Object frozen = freezeValue(item);
                if (frozen != null) {
                    copy.add(frozen);
                }
            }
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
