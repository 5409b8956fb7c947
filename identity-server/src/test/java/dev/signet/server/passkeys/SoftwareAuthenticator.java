package dev.signet.server.passkeys;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in software, written for these tests from the WebAuthn Level 3 specification and RFC 8949
 * (CBOR) / RFC 9053 (COSE), independent of the server's webauthn4j: an ES256 key pair, "none" attestation, and the
 * JSON a browser's script posts for {@code navigator.credentials.create()} and {@code get()}.
 */
final class SoftwareAuthenticator {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int UP = 0x01;
    private static final int UV = 0x04;
    private static final int BE = 0x08;
    private static final int BS = 0x10;
    private static final int AT = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private String userHandle;
    private int counter;
    private boolean userVerification = true;

    SoftwareAuthenticator() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(credentialId);
    }

    /** Stop asking for the PIN or biometric: the UV flag is no longer set. */
    SoftwareAuthenticator withoutUserVerification() {
        this.userVerification = false;
        return this;
    }

    String credentialId() {
        return B64URL.encodeToString(credentialId);
    }

    /** The user handle the server put in the creation options (what the authenticator stores with the key). */
    String userHandle() {
        return userHandle;
    }

    /** The body of {@code POST /account/passkeys} for these creation options, made on a page at {@code origin}. */
    String register(String creationOptionsJson, String origin, String label) {
        JsonNode options = JSON.readTree(creationOptionsJson);
        String rpId = options.get("rp").get("id").asString();
        userHandle = options.get("user").get("id").asString();
        byte[] clientData = clientData("webauthn.create", options.get("challenge").asString(), origin);
        byte[] authenticatorData = concat(sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                new byte[] {(byte) (UP | (userVerification ? UV : 0) | BE | BS | AT)}, uint32(counter),
                new byte[16], // AAGUID: none
                ByteBuffer.allocate(2).putShort((short) credentialId.length).array(), credentialId, coseKey());
        byte[] attestationObject = new Cbor().map(3)
                .text("fmt").text("none")
                .text("attStmt").map(0)
                .text("authData").bytes(authenticatorData)
                .toByteArray();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("attestationObject", B64URL.encodeToString(attestationObject));
        response.put("clientDataJSON", B64URL.encodeToString(clientData));
        response.put("transports", List.of("internal", "hybrid"));
        Map<String, Object> publicKey = new LinkedHashMap<>();
        publicKey.put("label", label);
        publicKey.put("credential", credential(response, Map.of("credProps", Map.of("rk", true))));
        return JSON.writeValueAsString(Map.of("publicKey", publicKey));
    }

    /** The body of {@code POST /login/webauthn} for these request options, made on a page at {@code origin}. */
    String signIn(String requestOptionsJson, String origin) {
        return signIn(requestOptionsJson, origin, false);
    }

    /** As {@link #signIn(String, String)}, with the signature made over other data when {@code forge} is set. */
    String signIn(String requestOptionsJson, String origin, boolean forge) {
        JsonNode options = JSON.readTree(requestOptionsJson);
        String rpId = options.get("rpId").asString();
        byte[] clientData = clientData("webauthn.get", options.get("challenge").asString(), origin);
        counter++;
        byte[] authenticatorData = concat(sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                new byte[] {(byte) (UP | (userVerification ? UV : 0) | BE | BS)}, uint32(counter));
        byte[] signed = concat(authenticatorData, sha256(clientData));
        if (forge) {
            signed = concat(signed, new byte[] {1});
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("authenticatorData", B64URL.encodeToString(authenticatorData));
        response.put("clientDataJSON", B64URL.encodeToString(clientData));
        response.put("signature", B64URL.encodeToString(sign(signed)));
        response.put("userHandle", userHandle);
        return JSON.writeValueAsString(credential(response, Map.of()));
    }

    private Map<String, Object> credential(Map<String, Object> response, Map<String, Object> extensions) {
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("id", credentialId());
        credential.put("rawId", credentialId());
        credential.put("type", "public-key");
        credential.put("response", response);
        credential.put("clientExtensionResults", extensions);
        credential.put("authenticatorAttachment", "platform");
        return credential;
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        Map<String, Object> clientData = new LinkedHashMap<>();
        clientData.put("type", type);
        clientData.put("challenge", challenge);
        clientData.put("origin", origin);
        clientData.put("crossOrigin", false);
        return JSON.writeValueAsBytes(clientData);
    }

    /** The public key as a COSE_Key (RFC 9053 §7.1.1): EC2, ES256, P-256, x and y. */
    private byte[] coseKey() {
        ECPublicKey key = (ECPublicKey) keys.getPublic();
        return new Cbor().map(5)
                .integer(1).integer(2)
                .integer(3).integer(-7)
                .integer(-1).integer(1)
                .integer(-2).bytes(unsigned32(key.getW().getAffineX()))
                .integer(-3).bytes(unsigned32(key.getW().getAffineY()))
                .toByteArray();
    }

    /** ES256 as WebAuthn carries it: an ASN.1 DER ECDSA signature over SHA-256. */
    private byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] decode(String base64Url) {
        return B64URL_DECODER.decode(base64Url);
    }

    private static byte[] uint32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == 32) {
            return bytes;
        }
        byte[] fixed = new byte[32];
        int copy = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - copy, fixed, 32 - copy, copy);
        return fixed;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Just enough CBOR (RFC 8949) for attestation objects and COSE keys: definite-length items only. */
    static final class Cbor {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor text(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            head(3, utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        Cbor bytes(byte[] value) {
            head(2, value.length);
            out.writeBytes(value);
            return this;
        }

        Cbor integer(long value) {
            return value >= 0 ? head(0, value) : head(1, -1 - value);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private Cbor head(int major, long value) {
            int type = major << 5;
            if (value < 24) {
                out.write(type | (int) value);
            } else if (value < 0x100) {
                out.write(type | 24);
                out.write((int) value);
            } else if (value < 0x10000) {
                out.write(type | 25);
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) value).array());
            } else {
                out.write(type | 26);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) value).array());
            }
            return this;
        }
    }

    @Override
    public String toString() {
        return "SoftwareAuthenticator[" + credentialId() + ", counter " + counter + "]";
    }

}
