package dev.signet.core.mfa;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One second factor of an account. An account has at most one factor of each {@link SecondFactorMethod}.
 *
 * @param id                 stable identifier; the sealed authenticator-app secret is bound to it
 * @param accountId          the account it belongs to
 * @param method             what kind of factor it is
 * @param phoneNumber        the E.164 number texts go to ({@link SecondFactorMethod#TEXT_MESSAGE} only)
 * @param sealedTotpSecret   the authenticator-app secret sealed with AES-GCM ({@link SecondFactorMethod#AUTHENTICATOR_APP}
 *                           only); never the secret itself
 * @param createdAt          when it was added
 */
public record SecondFactor(UUID id, UUID accountId, SecondFactorMethod method, Optional<String> phoneNumber,
        Optional<byte[]> sealedTotpSecret, Instant createdAt) {

    public SecondFactor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(sealedTotpSecret, "sealedTotpSecret");
        Objects.requireNonNull(createdAt, "createdAt");
        if ((method == SecondFactorMethod.AUTHENTICATOR_APP) != sealedTotpSecret.isPresent()) {
            throw new IllegalArgumentException("Only an authenticator app has a secret, and it must have one");
        }
        if ((method == SecondFactorMethod.TEXT_MESSAGE) != phoneNumber.isPresent()) {
            throw new IllegalArgumentException("Only a text-message factor has a phone number, and it must have one");
        }
        sealedTotpSecret = sealedTotpSecret.map(byte[]::clone);
    }

    public static SecondFactor authenticatorApp(UUID id, UUID accountId, byte[] sealedSecret, Instant createdAt) {
        return new SecondFactor(id, accountId, SecondFactorMethod.AUTHENTICATOR_APP, Optional.empty(),
                Optional.of(sealedSecret), createdAt);
    }

    public static SecondFactor textMessage(UUID id, UUID accountId, String phoneNumber, Instant createdAt) {
        return new SecondFactor(id, accountId, SecondFactorMethod.TEXT_MESSAGE, Optional.of(phoneNumber),
                Optional.empty(), createdAt);
    }

    public static SecondFactor email(UUID id, UUID accountId, Instant createdAt) {
        return new SecondFactor(id, accountId, SecondFactorMethod.EMAIL, Optional.empty(), Optional.empty(),
                createdAt);
    }

    @Override
    public Optional<byte[]> sealedTotpSecret() {
        return sealedTotpSecret.map(byte[]::clone);
    }

    /** Never prints the sealed secret or the whole phone number. */
    @Override
    public String toString() {
        return "SecondFactor[id=" + id + ", accountId=" + accountId + ", method=" + method + "]";
    }
}
