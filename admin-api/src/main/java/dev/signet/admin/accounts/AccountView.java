package dev.signet.admin.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.admin.audit.AuditEntryView;
import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.passkey.Passkey;
import dev.signet.core.sessions.AccountSession;
import java.util.List;

/**
 * One account as an operator views it: the account and its status, its second factors and passkeys (what they are,
 * never their secrets), its most recent sign-in events from the audit log, and how many session-ending commands for
 * it identity-server has not carried out yet; its linked legacy identities; for a merged account the account it was
 * merged into, and the merges into this account that can still be undone.
 *
 * <p>Live sessions are read from identity-server's Redis when the admin API has the same {@code signet.redis.url}:
 * then {@code sessions_available} is true and {@code sessions} lists them. Without it (or with identity-server keeping
 * sessions in one instance's memory, the embedded default, or Redis not answering) {@code sessions_available} is false
 * and {@code sessions} is null: unknown, not empty.
 */
public record AccountView(
        AccountSummary account,
        @JsonProperty("second_factors") List<FactorView> secondFactors,
        List<PasskeyView> passkeys,
        @JsonProperty("sessions_available") boolean sessionsAvailable,
        List<SessionView> sessions,
        @JsonProperty("recent_sign_ins") List<AuditEntryView> recentSignIns,
        @JsonProperty("pending_session_endings") int pendingSessionEndings,
        @JsonProperty("linked_identities") List<LinkedIdentityView> linkedIdentities,
        @JsonProperty("merged_into") String mergedInto,
        @JsonProperty("merges_into_this") List<MergeView> mergesIntoThis) {

    /**
     * A second factor: its kind ({@code TEXT_MESSAGE}, {@code AUTHENTICATOR_APP}, {@code EMAIL}), the phone number
     * with all but its last three digits hidden (text messages only), and when it was added.
     */
    public record FactorView(String kind, @JsonProperty("phone_number") String phoneNumber,
            @JsonProperty("created_at") String createdAt) {

        static FactorView of(SecondFactor factor) {
            return new FactorView(factor.method().name(), factor.phoneNumber().map(PhoneNumbers::masked).orElse(null),
                    factor.createdAt().toString());
        }
    }

    /** A passkey: the name the citizen gave it, when it was added and last used. */
    public record PasskeyView(String name, @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_used_at") String lastUsedAt) {

        static PasskeyView of(Passkey passkey) {
            return new PasskeyView(passkey.label(), passkey.createdAt().toString(),
                    passkey.lastUsedAt().map(Object::toString).orElse(null));
        }
    }

    /**
     * A live session, named by its {@code sid} (as in ID tokens and back-channel logout tokens; never the session id,
     * a bearer secret): the browser and system it was signed in from (null when not recognised), when the citizen last
     * authenticated in it and with which credential trust level ({@code Cl} password, {@code Cl.Cm} with a second
     * factor), both null when the session does not say, and its last request.
     */
    public record SessionView(String sid, String browser, String system,
            @JsonProperty("signed_in_at") String signedInAt, @JsonProperty("auth_level") String authLevel,
            @JsonProperty("last_active_at") String lastActiveAt) {

        static SessionView of(AccountSession session) {
            return new SessionView(session.sid(), session.browser().orElse(null), session.system().orElse(null),
                    session.signedInAt().map(Object::toString).orElse(null), session.level().orElse(null),
                    session.lastActiveAt().toString());
        }
    }
}
