package dev.signet.connector.remote.internal;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.ListingOutcome;
import dev.signet.connector.LookupOutcome;
import dev.signet.connector.NotFound;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The connector model's outcomes as the protocol's JSON claims, both ways. Reading refuses anything off the schema
 * with {@link MessageRejected}, so a connector that answers nonsense is {@code Unavailable}, never a crash.
 */
public final class Outcomes {

    private static final int MAX_REASON_LENGTH = 200;

    private Outcomes() {
    }

    // ---- writing (the connector's side) ----

    public static Map<String, Object> write(SignInOutcome outcome) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (outcome instanceof Authenticated authenticated) {
            claims.put(Protocol.OUTCOME, "authenticated");
            claims.put(Protocol.IDENTITY, write(authenticated.identity()));
        } else if (outcome instanceof Unavailable unavailable) {
            unavailable(claims, unavailable);
        } else {
            claims.put(Protocol.OUTCOME, "invalid_credentials");
        }
        return claims;
    }

    public static Map<String, Object> write(LookupOutcome outcome) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (outcome instanceof Found found) {
            claims.put(Protocol.OUTCOME, "found");
            claims.put(Protocol.IDENTITY, write(found.identity()));
        } else if (outcome instanceof Unavailable unavailable) {
            unavailable(claims, unavailable);
        } else {
            claims.put(Protocol.OUTCOME, "not_found");
        }
        return claims;
    }

    public static Map<String, Object> write(ListingOutcome outcome) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (outcome instanceof Page page) {
            claims.put(Protocol.OUTCOME, "page");
            claims.put(Protocol.IDENTITIES, page.identities().stream().map(Outcomes::write).toList());
            page.next().flatMap(PageRequest::cursor).ifPresent(cursor -> claims.put(Protocol.NEXT_CURSOR, cursor));
        } else {
            unavailable(claims, (Unavailable) outcome);
        }
        return claims;
    }

    public static Unavailable unavailable(String reason) {
        return new Unavailable(reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason);
    }

    private static void unavailable(Map<String, Object> claims, Unavailable unavailable) {
        claims.put(Protocol.OUTCOME, "unavailable");
        claims.put(Protocol.REASON, unavailable.reason());
    }

    private static Map<String, Object> write(LegacyIdentity identity) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(Protocol.SUBJECT, identity.subject());
        json.put(Protocol.VERIFIED_ATTRIBUTES, new TreeMap<>(identity.verifiedAttributes()));
        json.put(Protocol.UNVERIFIED_ATTRIBUTES, new TreeMap<>(identity.unverifiedAttributes()));
        return json;
    }

    // ---- reading (Signet's side) ----

    /** A check-password answer; identities are {@code connectorId}'s, whatever the remote calls itself. */
    public static SignInOutcome readSignIn(Map<String, Object> claims, String connectorId) throws MessageRejected {
        String outcome = outcome(claims);
        return switch (outcome) {
            case "authenticated" -> new Authenticated(identity(claims.get(Protocol.IDENTITY), connectorId));
            case "invalid_credentials" -> new InvalidCredentials();
            case "unavailable" -> remoteUnavailable(claims);
            default -> throw unexpected();
        };
    }

    public static LookupOutcome readLookUp(Map<String, Object> claims, String connectorId) throws MessageRejected {
        String outcome = outcome(claims);
        return switch (outcome) {
            case "found" -> new Found(identity(claims.get(Protocol.IDENTITY), connectorId));
            case "not_found" -> new NotFound();
            case "unavailable" -> remoteUnavailable(claims);
            default -> throw unexpected();
        };
    }

    public static ListingOutcome readPage(Map<String, Object> claims, String connectorId, PageRequest request)
            throws MessageRejected {
        String outcome = outcome(claims);
        if ("unavailable".equals(outcome)) {
            return remoteUnavailable(claims);
        }
        if (!"page".equals(outcome)) {
            throw unexpected();
        }
        if (!(claims.get(Protocol.IDENTITIES) instanceof List<?> entries)) {
            throw malformed("a page without an identities array");
        }
        if (entries.size() > request.size()) {
            throw malformed("a page larger than the size asked");
        }
        List<LegacyIdentity> identities = new ArrayList<>();
        for (Object entry : entries) {
            identities.add(identity(entry, connectorId));
        }
        Object cursor = claims.get(Protocol.NEXT_CURSOR);
        if (cursor != null && !(cursor instanceof String text && !text.isEmpty()
                && text.length() <= Protocol.MAX_NAME_LENGTH)) {
            throw malformed("a next_cursor that is not a string of 1 to " + Protocol.MAX_NAME_LENGTH + " characters");
        }
        Optional<PageRequest> next = Optional.ofNullable((String) cursor)
                .map(text -> new PageRequest(Optional.of(text), request.size()));
        return new Page(identities, next);
    }

    private static String outcome(Map<String, Object> claims) throws MessageRejected {
        if (!(claims.get(Protocol.OUTCOME) instanceof String outcome)) {
            throw malformed("no outcome");
        }
        return outcome;
    }

    private static Unavailable remoteUnavailable(Map<String, Object> claims) {
        Object reason = claims.get(Protocol.REASON);
        String text = reason instanceof String given && !given.isBlank() ? given : "no reason given";
        // The remote's words, kept printable and short: they end up in Signet's logs.
        return unavailable("remote connector unavailable: " + text.replaceAll("\\p{Cntrl}", " "));
    }

    private static LegacyIdentity identity(Object json, String connectorId) throws MessageRejected {
        if (!(json instanceof Map<?, ?> fields)) {
            throw malformed("an identity that is not an object");
        }
        if (!(fields.get(Protocol.SUBJECT) instanceof String subject) || subject.isEmpty()) {
            throw malformed("an identity without a subject");
        }
        Map<String, String> verified = attributes(fields.get(Protocol.VERIFIED_ATTRIBUTES));
        Map<String, String> unverified = attributes(fields.get(Protocol.UNVERIFIED_ATTRIBUTES));
        if (verified.keySet().stream().anyMatch(unverified::containsKey)) {
            throw malformed("an attribute both verified and unverified");
        }
        return new LegacyIdentity(connectorId, subject, verified, unverified);
    }

    private static Map<String, String> attributes(Object json) throws MessageRejected {
        if (json == null) {
            return Map.of();
        }
        if (!(json instanceof Map<?, ?> entries)) {
            throw malformed("attributes that are not an object");
        }
        Map<String, String> attributes = new TreeMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (!(entry.getValue() instanceof String value)) {
                throw malformed("an attribute whose value is not a string");
            }
            attributes.put(String.valueOf(entry.getKey()), value);
        }
        return attributes;
    }

    private static MessageRejected unexpected() {
        return malformed("an outcome this operation cannot give");
    }

    private static MessageRejected malformed(String what) {
        return new MessageRejected("malformed-answer", "the connector answered " + what);
    }
}
