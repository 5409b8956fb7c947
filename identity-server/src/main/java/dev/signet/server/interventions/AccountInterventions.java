package dev.signet.server.interventions;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.server.logout.SessionTermination;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Account interventions as GOV.UK One Login has them: an operator (or an automatic protection) suspends or blocks an
 * account, or requires its password to be reset; and lifts the intervention again ({@link AccountStatus#ACTIVE}).
 *
 * <p>Placing any intervention, in this order:
 * <ol>
 * <li>the status is stored: from then on sign-in, refresh token grants and the citizen's Signet sessions refuse the
 * account ({@link ActiveAccountRefreshCheck}, {@link ActiveAccountSessionFilter}, {@code PasswordSignIn});</li>
 * <li>every session of the citizen ends through {@link SessionTermination}: relying parties are told by back-channel
 * logout, every token family is revoked, and the Signet sessions end at once.</li>
 * </ol>
 * A password-reset intervention ends sessions too: it is placed when the password may be known to someone else.
 *
 * <p>The admin API places interventions without this class (it cannot reach identity-server's sessions): it stores
 * the status and queues a {@code SessionEndingOutbox} command in one transaction, which {@link SessionEndingWorker}
 * carries out with the same {@link SessionTermination}.
 */
public final class AccountInterventions {

    /** How long a revoked family is remembered (a rotation in flight must not write it back). */
    static final Duration REVOCATION_MEMORY = SessionTermination.REVOCATION_MEMORY;

    private static final Logger log = LoggerFactory.getLogger(AccountInterventions.class);

    private final AccountRepository accounts;
    private final SessionTermination sessions;
    private final MeterRegistry meters;

    public AccountInterventions(AccountRepository accounts, SessionTermination sessions, MeterRegistry meters) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** Places (or, with {@link AccountStatus#ACTIVE}, lifts) an intervention on the account. */
    public InterventionOutcome apply(UUID accountId, AccountStatus status) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Optional<Account> account = accounts.findById(accountId);
        if (account.isEmpty() || !accounts.updateStatus(accountId, status)) {
            return new InterventionOutcome.NoSuchAccount();
        }
        meters.counter("signet.interventions", "status", status.name().toLowerCase(Locale.ROOT)).increment();
        if (status == AccountStatus.ACTIVE) {
            log.info("Intervention lifted from account {} (was {})", accountId, account.get().status());
            return new InterventionOutcome.Applied(account.get().status(), status, 0, 0, 0);
        }
        SessionTermination.Ended ended = sessions.end(accountId, new SessionTermination.Scope.All());
        log.info("Intervention {} placed on account {}", status, accountId);
        return new InterventionOutcome.Applied(account.get().status(), status, ended.servicesTold(),
                ended.tokenFamiliesRevoked(), ended.sessionsEnded());
    }
}
