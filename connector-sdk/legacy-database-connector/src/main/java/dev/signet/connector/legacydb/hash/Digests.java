package dev.signet.connector.legacydb.hash;

import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** The hash functions legacy formats are built from, by the names those formats use. */
enum Digests {
    MD5("MD5", "HmacMD5", 16),
    SHA1("SHA-1", "HmacSHA1", 20),
    SHA256("SHA-256", "HmacSHA256", 32),
    SHA512("SHA-512", "HmacSHA512", 64);

    private final String jcaName;
    private final String hmacName;
    final int length;

    Digests(String jcaName, String hmacName, int length) {
        this.jcaName = jcaName;
        this.hmacName = hmacName;
        this.length = length;
    }

    /** The function named {@code sha1}, {@code sha256} or {@code sha512} (and {@code md5}), as PBKDF2 forms name them. */
    static java.util.Optional<Digests> named(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "md5" -> java.util.Optional.of(MD5);
            case "sha1", "sha-1" -> java.util.Optional.of(SHA1);
            case "sha256", "sha-256" -> java.util.Optional.of(SHA256);
            case "sha512", "sha-512" -> java.util.Optional.of(SHA512);
            default -> java.util.Optional.empty();
        };
    }

    /** The digest function with the given output length in bytes. */
    static java.util.Optional<Digests> ofLength(int length) {
        for (Digests digest : values()) {
            if (digest.length == length) {
                return java.util.Optional.of(digest);
            }
        }
        return java.util.Optional.empty();
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK offers " + jcaName, e);
        }
    }

    byte[] digest(byte[]... parts) {
        MessageDigest digest = newDigest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    byte[] hmac(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(hmacName);
            mac.init(new SecretKeySpec(key, hmacName));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("Every JDK offers " + hmacName + " with any key", e);
        }
    }

    /** PBKDF2 (RFC 8018) with HMAC of this function, over the password's bytes as given. */
    byte[] pbkdf2(byte[] password, byte[] salt, int iterations, int length) {
        Digest digest = switch (this) {
            case SHA1 -> new SHA1Digest();
            case SHA256 -> new SHA256Digest();
            case SHA512 -> new SHA512Digest();
            case MD5 -> throw new IllegalArgumentException("No legacy format uses PBKDF2 with MD5");
        };
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }
}
