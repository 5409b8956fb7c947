package dev.signet.server.signin;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.core.password.PasswordProblem;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks an email address and password. An unknown email costs the same as a known one (the password is checked
 * against a dummy hash made at start-up), so response times do not reveal which emails have accounts. A hash made with
 * older parameters is replaced after a successful check; a bulk-imported legacy hash is replaced too, once the
 * password meets Signet's password rules (NIST SP 800-63B 5.1.1.2: Signet sees it for the first time), and otherwise the
 * citizen must choose a new password ({@link SignInOutcome.NewPasswordRequired}). Counts outcomes as {@code signet.signin{outcome}} and writes
 * each refusal to the audit log ({@code sign_in.failed}; a success is audited when the session starts).
 * <p>
 * Attempts are limited per email address and per client address ({@link AttemptLimiter}, growing delays, then a
 * temporary lockout of the email address): a refused attempt checks no password. When a wrong password starts a
 * lockout, the account's owner (if the address has an account) is emailed; the citizen sees the same lockout either
 * way.
 */
@Service
public class PasswordSignIn {

    private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final MeterRegistry meters;
    private final AttemptLimiter limiter;
    private final JourneyEmails emails;
    private final AuditTrail audit;
    private final PasswordPolicy policy;
    private final ImportedPasswordHashes imported;
    private final String dummyHash;

    public PasswordSignIn(AccountRepository accounts, PasswordHasher hasher, MeterRegistry meters,
            AttemptLimiter limiter, JourneyEmails emails, AuditTrail audit, PasswordPolicy policy,
            ImportedPasswordHashes imported) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.imported = Objects.requireNonNull(imported, "imported");
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hasher.hash(Base64.getEncoder().encodeToString(random));
    }

    /**
     * @param clientAddress where the attempt comes from ({@code ClientAddress.of(request)})
     * @param locale        the language of a lockout email
     */
    public SignInOutcome signIn(String email, String password, String clientAddress, Locale locale) {
        LimitedAttempt attempt = limiter.begin(LimitedAction.SIGN_IN, email, clientAddress);
        if (attempt instanceof LimitedAttempt.Refused refused) {
            return count(new SignInOutcome.TooManyAttempts(refused.retryAfter(), refused.lockedOut()),
                    refused.lockedOut() ? "locked_out" : "delayed");
        }
        LimitedAttempt.Allowed allowed = (LimitedAttempt.Allowed) attempt;
        SignInOutcome outcome = check(email, password);
        if (!(outcome instanceof SignInOutcome.InvalidCredentials)) {
            allowed.succeeded();
            return outcome;
        }
        Optional<LimitedAttempt.Refused> lockout = allowed.failed();
        if (lockout.isEmpty()) {
            return outcome;
        }
        Optional<Account> owner = accounts.findByEmail(email);
        owner.ifPresent(account -> emails.sendSignInLocked(account.email(), lockout.get().retryAfter(), locale));
        // Audited once per lockout; attempts refused by the limiter are only counted (an attack must not flood the log).
        return refused(new SignInOutcome.TooManyAttempts(lockout.get().retryAfter(), true), "lockout_started",
                owner.map(Account::id));
    }

    private SignInOutcome check(String email, String password) {
        Optional<Account> found = accounts.findByEmail(email);
        String storedHash = found.flatMap(Account::passwordHash).orElse(dummyHash);
        PasswordCheck check = hasher.verify(password, storedHash);
        if (found.isEmpty() || found.get().passwordHash().isEmpty() || !(check instanceof PasswordCheck.Matches match)) {
            if (check instanceof PasswordCheck.UnreadableHash unreadable && found.isPresent()) {
                log.warn("Stored password hash of account {} cannot be read: {}", found.get().id(),
                        unreadable.reason());
            }
            return refused(new SignInOutcome.InvalidCredentials(), "invalid_credentials", found.map(Account::id));
        }
        Account account = found.get();
        if (match.needsRehash()) {
            Optional<PasswordProblem> refusal = account.status() == AccountStatus.ACTIVE
                    && imported.stillImported(account.id(), storedHash)
                    ? policy.check(password, account.email()).stream().findFirst() : Optional.empty();
            if (refusal.isPresent()) {
                // The imported hash stays until the citizen has chosen a new password: leaving the page changes
                // nothing, and the next sign-in asks again.
                return count(new SignInOutcome.NewPasswordRequired(account.id(), refusal.get()),
                        "new_password_required");
            }
            accounts.updatePasswordHash(account.id(), hasher.hash(password));
            meters.counter("signet.password.rehash").increment();
        }
        return switch (account.status()) {
            case ACTIVE -> count(new SignInOutcome.SignedIn(account.id()), "success");
            case SUSPENDED -> refused(new SignInOutcome.Unavailable(false), "suspended", Optional.of(account.id()));
            case BLOCKED -> refused(new SignInOutcome.Unavailable(true), "blocked", Optional.of(account.id()));
            case PASSWORD_RESET_REQUIRED -> refused(new SignInOutcome.ResetRequired(account.email()), "reset_required",
                    Optional.of(account.id()));
            case MERGED -> refused(new SignInOutcome.Merged(), "merged", Optional.of(account.id()));
        };
    }

    /** The person typing is not (yet) proven to be the account holder, so the actor is anonymous. */
    private SignInOutcome refused(SignInOutcome outcome, String tag, Optional<UUID> accountId) {
        audit.record(Actor.anonymous(), AuditEventType.SIGN_IN_FAILED, accountId,
                Map.of("step", "password", "outcome", tag));
        return count(outcome, tag);
    }

    private SignInOutcome count(SignInOutcome outcome, String tag) {
        meters.counter("signet.signin", "outcome", tag).increment();
        return outcome;
    }
}
