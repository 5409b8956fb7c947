package dev.signet.server.account;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
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
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What a signed-in citizen changes about their own account: the password (with the current one), the email address
 * (with the current password, then a code sent to the new address), and deleting the account (with the password).
 * Every change is confirmed by an email to the owner; counted as {@code signet.account.change{change,outcome}}.
 */
@Service
class AccountChanges {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final OneTimeCodeStore codes;
    private final CodesProperties codeSettings;
    private final JourneyEmails emails;
    private final MeterRegistry meters;
    private final AuditTrail audit;
    private final CitizenSessionEnding sessionEnding;

    AccountChanges(AccountRepository accounts, PasswordHasher hasher, OneTimeCodeStore codes,
            CodesProperties codeSettings, JourneyEmails emails,
            MeterRegistry meters, AuditTrail audit, CitizenSessionEnding sessionEnding) {
        this.sessionEnding = Objects.requireNonNull(sessionEnding, "sessionEnding");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.codeSettings = Objects.requireNonNull(codeSettings, "codeSettings");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Stores a new password the policy has accepted, ends every other session of the account (whoever knew the old
     * password is signed out everywhere, relying parties included: ASVS V3.3.3), and tells the owner.
     *
     * @param keptSessionId the session the citizen changed it in, which goes on
     */
    void changePassword(Account account, String newPassword, String keptSessionId, Locale locale) {
        accounts.updatePasswordHash(account.id(), hasher.hash(newPassword));
        sessionEnding.endAfterPasswordChange(account.id(), keptSessionId);
        emails.sendPasswordChanged(account.email(), locale);
        count("password", "changed");
        audited(account, AuditEventType.PASSWORD_CHANGED);
    }

    /** Sends a code to the new address; the change happens only once it comes back. */
    void sendEmailChangeCode(UUID accountId, String newEmail, Locale locale) {
        String code = codes.issue(CodePurpose.CHANGE_EMAIL, codeSubject(accountId, newEmail),
                codeSettings.timeToLive());
        emails.sendEmailChangeCode(newEmail, code, codeSettings.timeToLive(), locale);
        count("email", "code_sent");
    }

    /** How long the codes this journey sends live (signet.codes.time-to-live), for the pages that say so. */
    Duration codeLifetime() {
        return codeSettings.timeToLive();
    }

    /** The outcome of the change: the code's verdict, and whether the address turned out to be taken. */
    sealed interface EmailChange {
        record Changed() implements EmailChange {
        }

        record CodeRefused(CodeCheck check) implements EmailChange {
        }

        /** Another account uses the address (the citizen has just proven they control it, so saying so is safe). */
        record AddressInUse() implements EmailChange {
        }
    }

    EmailChange changeEmail(Account account, String newEmail, String code, Locale locale) {
        CodeCheck check = codes.check(CodePurpose.CHANGE_EMAIL, codeSubject(account.id(), newEmail), code);
        if (!(check instanceof CodeCheck.Valid)) {
            count("email", "code_refused");
            return new EmailChange.CodeRefused(check);
        }
        try {
            accounts.changeEmail(account.id(), newEmail);
        } catch (AccountRepository.DuplicateEmailException taken) {
            count("email", "address_in_use");
            return new EmailChange.AddressInUse();
        }
        emails.sendEmailChanged(account.email(), newEmail, locale);
        count("email", "changed");
        audited(account, AuditEventType.EMAIL_CHANGED);
        return new EmailChange.Changed();
    }

    /** Deletes the account and what is stored under it, and tells the owner. */
    void delete(Account account, Locale locale) {
        accounts.delete(account.id());
        emails.sendAccountDeleted(account.email(), locale);
        count("deletion", "deleted");
        audited(account, AuditEventType.ACCOUNT_DELETED);
    }

    /** A code proves one address for one account: it cannot be replayed for another address or account. */
    private static String codeSubject(UUID accountId, String newEmail) {
        return accountId + ":" + EmailAddress.canonical(newEmail);
    }

    /** The owner, signed in, changed their own account (the entry outlives a deleted account, naming it by id). */
    private void audited(Account account, AuditEventType type) {
        audit.record(Actor.citizen(account.id()), type, Optional.of(account.id()), Map.of());
    }

    private void count(String change, String outcome) {
        meters.counter("signet.account.change", "change", change, "outcome", outcome).increment();
    }
}
