package dev.signet.server.mfa;

import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.server.signin.JourneyState;
import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The second-factor part of a sign-in so far, in the session, for the citizen signed in with their password. Fields
 * that do not apply are null (records with {@code Optional} are not serializable, and sessions may live in Redis).
 *
 * @param accountId     whose journey it is; a journey of another account is never reused
 * @param method        the factor in use (or being set up); null before the citizen chose
 * @param settingUp     whether the citizen is setting up their first second factor
 * @param phoneNumber   the E.164 number being set up for text messages
 * @param pendingAppId  the factor id of an authenticator app being set up
 * @param pendingSecret its secret, sealed for that id (never in clear in the session)
 * @param wrongCodes    wrong codes given so far in this sign-in
 */
public record SecondFactorJourney(UUID accountId, SecondFactorMethod method, boolean settingUp, String phoneNumber,
        UUID pendingAppId, byte[] pendingSecret, int wrongCodes) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final JourneyState<SecondFactorJourney> STATE = new JourneyState<>(SecondFactorJourney.class, "/sign-in");

    public SecondFactorJourney {
        Objects.requireNonNull(accountId, "accountId");
    }

    static SecondFactorJourney start(UUID accountId) {
        return new SecondFactorJourney(accountId, null, false, null, null, null, 0);
    }

    SecondFactorJourney using(SecondFactorMethod chosen) {
        return new SecondFactorJourney(accountId, chosen, false, null, null, null, wrongCodes);
    }

    SecondFactorJourney settingUp(SecondFactorMethod chosen) {
        return new SecondFactorJourney(accountId, chosen, true, null, null, null, wrongCodes);
    }

    SecondFactorJourney settingUpApp(SecondFactors.PendingApp pending) {
        return new SecondFactorJourney(accountId, SecondFactorMethod.AUTHENTICATOR_APP, true, null,
                pending.factorId(), pending.sealedSecret(), wrongCodes);
    }

    SecondFactorJourney settingUpPhone(String number) {
        return new SecondFactorJourney(accountId, SecondFactorMethod.TEXT_MESSAGE, true, number, null, null,
                wrongCodes);
    }

    SecondFactorJourney withWrongCode() {
        return new SecondFactorJourney(accountId, method, settingUp, phoneNumber, pendingAppId, pendingSecret,
                wrongCodes + 1);
    }

    SecondFactors.PendingApp pendingApp() {
        return pendingAppId == null ? null : new SecondFactors.PendingApp(pendingAppId, pendingSecret);
    }

    /** Never prints the sealed secret or the number. */
    @Override
    public String toString() {
        return "SecondFactorJourney[accountId=" + accountId + ", method=" + method + ", settingUp=" + settingUp
                + ", wrongCodes=" + wrongCodes + "]";
    }
}
