package dev.signet.server.signup;

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
import dev.signet.server.signin.JourneyEmails;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Creating an account: prove the email address with a code, then choose a password. When the address already has an
 * account the citizen sees the same pages, and the email tells them to sign in or reset their password instead of
 * carrying a code. Counts outcomes as {@code signet.signup{outcome}}.
 */
@Service
class SignUp {

    private final AccountRepository accounts;
    private final OneTimeCodeStore codes;
    private final CodesProperties codeSettings;
    private final PasswordHasher hasher;
    private final JourneyEmails emails;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AuditTrail audit;

    SignUp(AccountRepository accounts, OneTimeCodeStore codes, CodesProperties codeSettings,
            PasswordHasher hasher, JourneyEmails emails, MeterRegistry meters, Clock clock, AuditTrail audit) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.codeSettings = Objects.requireNonNull(codeSettings, "codeSettings");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Sends the code (or, for an existing account, the "you already have an account" email). */
    void sendCode(String email, Locale locale) {
        // A code is issued either way, so that typing a code behaves the same for existing and new addresses.
        String code = codes.issue(CodePurpose.VERIFY_EMAIL, EmailAddress.canonical(email),
                codeSettings.timeToLive());
        if (accounts.findByEmail(email).isPresent()) {
            emails.sendAlreadyHaveAccount(email, locale);
            count("existing_account");
        } else {
            emails.sendSignUpCode(email, code, codeSettings.timeToLive(), locale);
            count("code_sent");
        }
    }

    /** How long the codes this journey sends live (signet.codes.time-to-live), for the pages that say so. */
    Duration codeLifetime() {
        return codeSettings.timeToLive();
    }

    CodeCheck checkCode(String email, String code) {
        CodeCheck check = codes.check(CodePurpose.VERIFY_EMAIL, EmailAddress.canonical(email), code);
        count(check instanceof CodeCheck.Valid ? "email_verified" : "code_refused");
        return check;
    }

    /** Creates the account with a proven email; empty when the address already has one. */
    Optional<UUID> createAccount(String email, String password) {
        Instant now = clock.instant();
        Account account = new Account(UUID.randomUUID(), email, true, Optional.of(hasher.hash(password)),
                AccountStatus.ACTIVE, now, now);
        try {
            accounts.create(account);
        } catch (AccountRepository.DuplicateEmailException alreadyTaken) {
            count("already_exists");
            return Optional.empty();
        }
        count("created");
        audit.record(Actor.citizen(account.id()), AuditEventType.ACCOUNT_CREATED, Optional.of(account.id()),
                Map.of());
        return Optional.of(account.id());
    }

    private void count(String outcome) {
        meters.counter("signet.signup", "outcome", outcome).increment();
    }
}
