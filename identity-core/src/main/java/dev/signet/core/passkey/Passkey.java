package dev.signet.core.passkey;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One registered passkey (a WebAuthn public-key credential) of an account.
 *
 * @param credentialId             the credential id, base64url without padding
 * @param accountId                the account it signs in to
 * @param label                    the name the citizen gave it ("Phone", "Work laptop")
 * @param publicKeyCose            the credential public key, a COSE_Key in CBOR
 * @param signatureCount           the authenticator's signature counter as last seen (0 for most passkeys)
 * @param uvInitialized            whether user verification was performed at registration
 * @param backupEligible           whether the credential may be synced to other devices (BE flag)
 * @param backupState              whether it is currently backed up (BS flag)
 * @param transports               how the browser can reach the authenticator (usb, nfc, hybrid, internal, ...)
 * @param attestationObject        the attestation object returned at registration (CBOR)
 * @param attestationClientDataJson the client data JSON returned at registration
 * @param createdAt                when it was registered
 * @param lastUsedAt               when it last signed in, if ever
 */
public record Passkey(
        String credentialId,
        UUID accountId,
        String label,
        byte[] publicKeyCose,
        long signatureCount,
        boolean uvInitialized,
        boolean backupEligible,
        boolean backupState,
        Set<String> transports,
        byte[] attestationObject,
        byte[] attestationClientDataJson,
        Instant createdAt,
        Optional<Instant> lastUsedAt) {

    /** The longest name a citizen may give a passkey. */
    public static final int MAX_LABEL_LENGTH = 64;

    public Passkey {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(publicKeyCose, "publicKeyCose");
        Objects.requireNonNull(attestationObject, "attestationObject");
        Objects.requireNonNull(attestationClientDataJson, "attestationClientDataJson");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        transports = Set.copyOf(Objects.requireNonNull(transports, "transports"));
        if (credentialId.isEmpty()) {
            throw new IllegalArgumentException("credentialId must not be empty");
        }
        if (label.isBlank() || label.length() > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label must have 1 to " + MAX_LABEL_LENGTH + " characters");
        }
        if (signatureCount < 0) {
            throw new IllegalArgumentException("signatureCount must not be negative");
        }
    }
}
