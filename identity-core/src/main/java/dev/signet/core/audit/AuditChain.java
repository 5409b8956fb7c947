package dev.signet.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evident chain: how an entry is encoded and hashed, so that an auditor can recompute every hash from an
 * export with nothing but a JSON library and SHA-256 (docs/audit-log.md walks through it).
 *
 * <p>An entry's <em>document</em> is the JSON object with exactly these members:
 * <pre>
 *   v              1 (the format version)
 *   seq            the entry's position (a JSON number)
 *   occurred_at    "2025-01-31T09:15:00.123456Z": UTC, always six fraction digits
 *   actor          {"type": "OPERATOR"|"CITIZEN"|"ANONYMOUS"|"SYSTEM", "id": string or null}
 *   type           the event type, such as "sign_in.failed"
 *   account        the account id (lower-case UUID) or null
 *   client_address string or null
 *   user_agent     string or null
 *   details        an object of string values (possibly empty)
 *   prev           the previous entry's hash (64 zeros before the first entry)
 * </pre>
 * Its <em>canonical encoding</em> is the JSON Canonicalization Scheme (RFC 8785) of that object: members sorted by
 * name, no insignificant white space, strings escaped as in RFC 8785 section 3.2.2.2, UTF-8. The entry's
 * {@code hash} is the lower-case hex SHA-256 of those bytes. An export line is the same object with {@code hash}
 * added, so removing {@code hash} from a line and canonicalising what is left gives back the hashed bytes.
 */
public final class AuditChain {

    /** The {@code prev} of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** The format version written in every document. */
    public static final int VERSION = 1;

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditChain() {
    }

    /** The hash an entry at {@code seq}, recording {@code event} after an entry hashed {@code prevHash}, must have. */
    public static String hash(long seq, AuditEvent event, String prevHash) {
        return sha256Hex(canonical(document(seq, event, prevHash)));
    }

    /** The document of an entry (without its hash), as an ordered map of JSON values. */
    public static Map<String, Object> document(long seq, AuditEvent event, String prevHash) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("type", event.actor().type().name());
        actor.put("id", event.actor().id().orElse(null));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("v", VERSION);
        doc.put("seq", seq);
        doc.put("occurred_at", TIME.format(event.occurredAt()));
        doc.put("actor", actor);
        doc.put("type", event.type().value());
        doc.put("account", event.accountId().map(Object::toString).orElse(null));
        doc.put("client_address", event.origin().clientAddress().orElse(null));
        doc.put("user_agent", event.origin().userAgent().orElse(null));
        doc.put("details", new TreeMap<>(event.details()));
        doc.put("prev", prevHash);
        return doc;
    }

    /** The export line of an entry: its document plus {@code hash}, canonically encoded (no line break). */
    public static String exportLine(AuditEntry entry) {
        Map<String, Object> doc = document(entry.seq(), entry.event(), entry.prevHash());
        doc.put("hash", entry.hash());
        return canonical(doc);
    }

    /** {@code occurred_at} as it appears in documents. */
    public static String formatTime(java.time.Instant instant) {
        return TIME.format(instant);
    }

    /**
     * RFC 8785 canonical JSON of the values documents hold: maps with string keys, strings, integers and null.
     * (Keys are ASCII here, so sorting by UTF-16 code units is plain string order.)
     */
    static String canonical(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((key, member) -> sorted.put((String) key, member));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(out, member.getKey());
                out.append(':');
                write(out, member.getValue());
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("Not a value of an audit document: " + value.getClass());
        }
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
