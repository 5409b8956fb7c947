package dev.signet.server.recovery;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.EmailAddress;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.credentials.CodesProperties;
import dev.signet.server.logout.CitizenSessionEnding;
import dev.signet.server.signin.JourneyEmails;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.LimitedAction;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Replacing a forgotten password with a code sent by email. A code is emailed only when the address has an account,
 * but the citizen sees the same pages either way. A new password also lifts a "must reset password" intervention.
 * A new password also ends a sign-in lockout on the address, and every session of the account (relying parties are
 * told by back-channel logout): whoever knew the old password is signed out everywhere. Counts outcomes as
 * {@code signet.password.reset{outcome}}.
 */
@Service
class PasswordReset {

    private final AccountRepository accounts;
    private final OneTimeCodeStore codes;
    private final CodesProperties codeSettings;
    private final PasswordHasher hasher;
    private final JourneyEmails emails;
    private final MeterRegistry meters;
    private final AttemptLimiter limiter;
    private final AuditTrail audit;
    private final CitizenSessionEnding sessionEnding;

    PasswordReset(AccountRepository accounts, OneTimeCodeStore codes, CodesProperties codeSettings,
            PasswordHasher hasher, JourneyEmails emails, MeterRegistry meters, AttemptLimiter limiter, AuditTrail audit, CitizenSessionEnding sessionEnding) {
        this.sessionEnding = Objects.requireNonNull(sessionEnding, "sessionEnding");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.codeSettings = Objects.requireNonNull(codeSettings, "codeSettings");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    void sendCode(String email, Locale locale) {
        // Issued for unknown addresses too (and never sent), so that typing a code behaves the same either way.
        String code = codes.issue(CodePurpose.RESET_PASSWORD, EmailAddress.canonical(email),
                codeSettings.timeToLive());
        if (accounts.findByEmail(email).isPresent()) {
            emails.sendPasswordResetCode(email, code, codeSettings.timeToLive(), locale);
            count("code_sent");
        } else {
            count("unknown_email");
        }
    }

    /** How long the codes this journey sends live (signet.codes.time-to-live), for the pages that say so. */
    Duration codeLifetime() {
        return codeSettings.timeToLive();
    }

    CodeCheck checkCode(String email, String code) {
        return codes.check(CodePurpose.RESET_PASSWORD, EmailAddress.canonical(email), code);
    }

    /** Sets the new password; false when the address has no account (only reachable by guessing a code). */
    boolean changePassword(String email, String password, Locale locale) {
        Optional<Account> account = accounts.findByEmail(email);
        if (account.isEmpty() || !accounts.updatePasswordHash(account.get().id(), hasher.hash(password))) {
            return false;
        }
        if (account.get().status() == AccountStatus.PASSWORD_RESET_REQUIRED) {
            accounts.updateStatus(account.get().id(), AccountStatus.ACTIVE);
        }
        // Proving control of the inbox ends a sign-in lockout on the address: the owner can sign in at once.
        limiter.clear(LimitedAction.SIGN_IN, email);
        emails.sendPasswordChanged(account.get().email(), locale);
        count("password_changed");
        // The code sent to the account's email proved control of it: the citizen acted on their own account.
        UUID id = account.get().id();
        audit.record(Actor.citizen(id), AuditEventType.PASSWORD_RESET, Optional.of(id), Map.of("lifted_reset_required",
                String.valueOf(account.get().status() == AccountStatus.PASSWORD_RESET_REQUIRED)));
        // Whoever knew the old password is signed out everywhere, relying parties included (ASVS V3.3.3).
        sessionEnding.endAfterPasswordReset(id);
        return true;
    }

    private void count(String outcome) {
        meters.counter("signet.password.reset", "outcome", outcome).increment();
    }
}
