package dev.signet.bulkimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A plain or HMAC digest of a password with an optional salt, as Auth0's {@code custom_password_hash} describes it
 * ({@code md4}, {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}, {@code hmac}), kept in a self-describing
 * string so that the sign-in check needs nothing but the stored value:
 *
 * <pre>
 * $signet-digest$d=sha256,s=prefix,p=utf8$&lt;salt&gt;$&lt;hash&gt;
 * $signet-hmac$d=sha256,s=suffix,p=utf8,k=&lt;key&gt;$&lt;salt&gt;$&lt;hash&gt;
 * </pre>
 *
 * {@code d} is the digest, {@code s} where the salt joins the password ({@code prefix}, {@code suffix} or
 * {@code none}), {@code p} how the password is turned into bytes ({@code utf8}, {@code utf16le} or {@code latin1});
 * salt, key and hash are standard Base64 without padding. Auth0 publishes no string form for these hashes; this one
 * follows the PHC string layout so it reads like the other formats Signet stores.
 */
public record SaltedDigest(String digest, boolean hmac, byte[] key, SaltPosition saltPosition,
        PasswordEncoding passwordEncoding, byte[] salt, byte[] hash) {

    /** Where the salt joins the password before hashing. */
    public enum SaltPosition { PREFIX, SUFFIX, NONE }

    /** How the typed password becomes bytes, as the legacy system did it. */
    public enum PasswordEncoding {
        UTF8, UTF16LE, LATIN1;

        byte[] encode(CharSequence password) {
            return switch (this) {
                case UTF8 -> password.toString().getBytes(StandardCharsets.UTF_8);
                case UTF16LE -> password.toString().getBytes(StandardCharsets.UTF_16LE);
                // Node's "latin1", "binary" and "ascii" all keep the low byte of each UTF-16 code unit.
                case LATIN1 -> {
                    byte[] bytes = new byte[password.length()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = (byte) password.charAt(i);
                    }
                    yield bytes;
                }
            };
        }
    }

    private static final Pattern FORMAT = Pattern.compile(
            "^\\$signet-(digest|hmac)\\$d=([a-z0-9]{2,10}),s=(prefix|suffix|none),p=(utf8|utf16le|latin1)"
                    + "(?:,k=([A-Za-z0-9+/]{1,1400}))?\\$([A-Za-z0-9+/]{0,1400})\\$([A-Za-z0-9+/]{16,200})$");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getDecoder();

    public SaltedDigest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(saltPosition, "saltPosition");
        Objects.requireNonNull(passwordEncoding, "passwordEncoding");
        key = key.clone();
        salt = salt.clone();
        hash = hash.clone();
        Supplier<Digest> function = function(digest)
                .orElseThrow(() -> new IllegalArgumentException("unsupported digest " + digest));
        if (hash.length != function.get().getDigestSize()) {
            throw new IllegalArgumentException("a " + digest + " hash is " + function.get().getDigestSize()
                    + " bytes, but this one is " + hash.length);
        }
        if (hmac && key.length == 0) {
            throw new IllegalArgumentException("an HMAC needs a key");
        }
        if ((saltPosition == SaltPosition.NONE) != (salt.length == 0)) {
            throw new IllegalArgumentException("a salt needs a position (prefix or suffix), and a position a salt");
        }
    }

    /** Whether the stored value is in this format (it may still be malformed). */
    public static boolean recognises(String stored) {
        return stored.startsWith("$signet-digest$") || stored.startsWith("$signet-hmac$");
    }

    /** Reads a stored value; empty when it is malformed. */
    public static Optional<SaltedDigest> parse(String stored) {
        Matcher m = FORMAT.matcher(stored);
        if (!m.matches() || (m.group(1).equals("hmac") != (m.group(5) != null))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SaltedDigest(m.group(2), m.group(1).equals("hmac"),
                    m.group(5) == null ? new byte[0] : DECODE.decode(m.group(5)),
                    SaltPosition.valueOf(m.group(3).toUpperCase(Locale.ROOT)),
                    PasswordEncoding.valueOf(m.group(4).toUpperCase(Locale.ROOT)), DECODE.decode(m.group(6)),
                    DECODE.decode(m.group(7))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** The digests Auth0 names, plus the other SHA-2 lengths its HMAC allows. */
    public static Optional<Supplier<Digest>> function(String name) {
        return Optional.ofNullable(switch (name) {
            case "md4" -> MD4Digest::new;
            case "md5" -> MD5Digest::new;
            case "sha1" -> SHA1Digest::new;
            case "sha224" -> SHA224Digest::new;
            case "sha256" -> SHA256Digest::new;
            case "sha384" -> SHA384Digest::new;
            case "sha512" -> SHA512Digest::new;
            default -> null;
        });
    }

    /** The stored string. */
    public String format() {
        return "$signet-" + (hmac ? "hmac" : "digest") + "$d=" + digest + ",s="
                + saltPosition.name().toLowerCase(Locale.ROOT) + ",p="
                + passwordEncoding.name().toLowerCase(Locale.ROOT) + (hmac ? ",k=" + BASE64.encodeToString(key) : "")
                + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    /** Whether the password gives this hash; compared in constant time. */
    public boolean matches(CharSequence password) {
        byte[] encoded = passwordEncoding.encode(password);
        byte[] input = switch (saltPosition) {
            case PREFIX -> concat(salt, encoded);
            case SUFFIX -> concat(encoded, salt);
            case NONE -> encoded;
        };
        Digest function = function(digest).orElseThrow().get();
        byte[] computed = new byte[function.getDigestSize()];
        if (hmac) {
            HMac mac = new HMac(function);
            mac.init(new KeyParameter(key));
            mac.update(input, 0, input.length);
            mac.doFinal(computed, 0);
        } else {
            function.update(input, 0, input.length);
            function.doFinal(computed, 0);
        }
        Arrays.fill(encoded, (byte) 0);
        Arrays.fill(input, (byte) 0);
        return MessageDigest.isEqual(computed, hash);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** Never prints the salt, key or hash. */
    @Override
    public String toString() {
        return "SaltedDigest[" + (hmac ? "hmac-" : "") + digest + ", salt " + saltPosition + "]";
    }
}
