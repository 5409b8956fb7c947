package dev.signet.server.migration;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Password;
import dev.signet.connector.PasswordConnector;
import dev.signet.connector.SignInOutcome;
import dev.signet.connector.Unavailable;
import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.PasswordFingerprint;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.PasswordProblem;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.federation.ConnectorCircuits;
import dev.signet.server.protection.AttemptLimiter;
import dev.signet.server.protection.LimitedAction;
import dev.signet.server.protection.LimitedAttempt;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks an old system's login name and password through its {@link PasswordConnector}, under the sign-in attempt
 * limits (per client address, and per connector and login name, so the old login names are limited like email
 * addresses). Works with any connector type that checks passwords: legacy database, LDAP, remote.
 *
 * <p>When the details are right and the legacy identity is already linked, the citizen is that account's owner; in
 * dual running the carried-over password is refreshed first (see {@link MigrationPolicy}). When it is not linked,
 * the password is hashed for Signet now, so the journey never keeps the password itself.
 *
 * <p>A password is carried over only when it meets Signet's own rules ({@link CarryOverPolicy}); otherwise the
 * journey asks the citizen to choose a new one, and dual running leaves the Signet password as it is. Which rule a
 * password broke is never logged.
 */
@Service
class LegacyPasswordCheck {

    private static final Logger log = LoggerFactory.getLogger(LegacyPasswordCheck.class);

    private final ConnectorChoices connectors;
    private final ConnectorCircuits circuits;
    private final LinkedIdentityRepository links;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final CarryOverPolicy carryOver;
    private final AttemptLimiter limiter;
    private final MigrationPolicies policies;
    private final MigrationMetrics metrics;
    private final AuditTrail audit;
    private final Clock clock;

    LegacyPasswordCheck(ConnectorChoices connectors, ConnectorCircuits circuits, LinkedIdentityRepository links,
            AccountRepository accounts, PasswordHasher hasher, CarryOverPolicy carryOver, AttemptLimiter limiter,
            MigrationPolicies policies, MigrationMetrics metrics, AuditTrail audit, Clock clock) {
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.circuits = Objects.requireNonNull(circuits, "circuits");
        this.links = Objects.requireNonNull(links, "links");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.carryOver = Objects.requireNonNull(carryOver, "carryOver");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The key the attempt limiter counts a login name under: distinct per connector and from email addresses. */
    static String limiterKey(String connectorId, String loginName) {
        return "legacy:" + connectorId + ":" + loginName;
    }

    LegacyCheck check(String connectorId, String loginName, String password, String clientAddress) {
        PasswordConnector connector = connectors.passwordConnector(connectorId).orElseThrow(
                () -> new IllegalArgumentException("No password connector " + connectorId));
        LimitedAttempt attempt = limiter.begin(LimitedAction.SIGN_IN, limiterKey(connectorId, loginName),
                clientAddress);
        if (attempt instanceof LimitedAttempt.Refused refused) {
            return new LegacyCheck.TooManyAttempts(refused.retryAfter());
        }
        LimitedAttempt.Allowed allowed = (LimitedAttempt.Allowed) attempt;
        SignInOutcome outcome = circuits.signIn(connectorId, () -> ask(connector, connectorId, loginName, password));
        if (outcome instanceof Unavailable unavailable) {
            // The reason is for operators and, by the connector contract, holds no personal data.
            log.warn("Connector {} unavailable: {}", connectorId, unavailable.reason());
            failed(connectorId, "unavailable");
            return new LegacyCheck.LegacyUnavailable();
        }
        if (!(outcome instanceof Authenticated authenticated)) {
            failed(connectorId, "invalid");
            return allowed.failed().<LegacyCheck>map(lockout -> new LegacyCheck.TooManyAttempts(lockout.retryAfter()))
                    .orElseGet(LegacyCheck.WrongDetails::new);
        }
        allowed.succeeded();
        metrics.signedIn(connectorId);
        String subject = authenticated.identity().subject();
        Optional<LinkedIdentity> link = links.find(connectorId, subject);
        audit.record(Actor.anonymous(), AuditEventType.OLD_ACCOUNT_SIGN_IN, link.map(LinkedIdentity::accountId),
                Map.of("connector", connectorId));
        Optional<PasswordProblem> refusal = carryOver.refusal(password);
        Optional<Account> linkedAccount = link.flatMap(found -> accounts.findById(found.accountId()));
        if (linkedAccount.isPresent()) {
            refreshWhileDualRunning(link.get(), password, refusal);
            // An account left without a password when its old one was refused: the citizen chooses one now.
            Optional<PasswordProblem> newPasswordNeeded = linkedAccount.get().passwordHash().isEmpty() ? refusal
                    : Optional.empty();
            return new LegacyCheck.Linked(linkedAccount.get().id(), newPasswordNeeded);
        }
        if (refusal.isPresent()) {
            return new LegacyCheck.NotLinked(authenticated.identity(), Optional.empty(), refusal);
        }
        return new LegacyCheck.NotLinked(authenticated.identity(), Optional.of(hasher.hash(password)));
    }

    private SignInOutcome ask(PasswordConnector connector, String connectorId, String loginName, String password) {
        try (Password typed = Password.of(password)) {
            return Objects.requireNonNull(connector.checkPassword(loginName, typed), "connector outcome");
        } catch (RuntimeException broken) {
            // A connector must answer with an outcome; one that throws is treated as unreachable. Only the exception's
            // type is logged: its message could carry what the citizen typed.
            log.error("Connector {} failed instead of answering: {}", connectorId, broken.getClass().getName());
            return new Unavailable("connector threw " + broken.getClass().getSimpleName());
        }
    }

    /**
     * Dual running: the old system is still in charge of the password, so the one it has just accepted replaces the
     * carried-over one, as long as the citizen has not chosen another in Signet since (the fingerprint tells), and
     * as long as it meets Signet's rules: a weak one never replaces the password Signet holds.
     */
    private void refreshWhileDualRunning(LinkedIdentity link, String password, Optional<PasswordProblem> refusal) {
        if (!policies.of(link.connectorId()).legacySystemInChargeOn(MigrationConfiguration.today(clock))
                || link.passwordFingerprint().isEmpty()) {
            return;
        }
        Optional<Account> account = accounts.findById(link.accountId());
        boolean stillCarriedOver = account.flatMap(Account::passwordHash).map(PasswordFingerprint::of)
                .equals(link.passwordFingerprint());
        if (!stillCarriedOver) {
            return;
        }
        if (refusal.isPresent()) {
            metrics.passwordRefusedByPolicy(link.connectorId());
            return;
        }
        String refreshed = hasher.hash(password);
        if (accounts.updatePasswordHash(link.accountId(), refreshed)) {
            links.updatePasswordFingerprint(link.connectorId(), link.legacySubject(),
                    Optional.of(PasswordFingerprint.of(refreshed)));
            metrics.passwordRefreshed(link.connectorId());
        }
    }

    /** {@code reason} is the metric's: {@code invalid} or {@code unavailable}. */
    private void failed(String connectorId, String reason) {
        metrics.failed(connectorId, reason);
        // The audit log words a wrong password as the Signet password step does.
        String outcome = "invalid".equals(reason) ? "invalid_credentials" : reason;
        audit.record(Actor.anonymous(), AuditEventType.SIGN_IN_FAILED, Optional.empty(),
                Map.of("step", "legacy_password", "outcome", outcome, "connector", connectorId));
    }
}
