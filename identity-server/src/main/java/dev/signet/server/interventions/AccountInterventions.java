package dev.signet.server.interventions;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.logout.LogoutNotice;
import dev.signet.server.logout.BackChannelLogoutPlanner;
import dev.signet.server.oidc.authorization.AuthorizationStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Account interventions as GOV.UK One Login has them: an operator (or an automatic protection) suspends or blocks an
 * account, or requires its password to be reset; and lifts the intervention again ({@link AccountStatus#ACTIVE}).
 *
 * <p>Placing any intervention, in this order:
 * <ol>
 * <li>the status is stored: from then on sign-in, refresh token grants and the citizen's Signet sessions refuse the
 * account ({@link ActiveAccountRefreshCheck}, {@link ActiveAccountSessionFilter}, {@code PasswordSignIn});</li>
 * <li>every relying party that holds a session of the citizen and registered a back-channel logout URI is queued a
 * logout token (delivered by the logout worker, with retries);</li>
 * <li>every token family of the account is revoked: refresh tokens stop working and access tokens introspect as
 * inactive;</li>
 * <li>the citizen's Signet sessions are deleted when they live in Redis (in-memory sessions end at their next
 * request).</li>
 * </ol>
 * A password-reset intervention ends sessions too: it is placed when the password may be known to someone else.
 */
public final class AccountInterventions {

    /** How long a revoked family is remembered (a rotation in flight must not write it back). */
    static final Duration REVOCATION_MEMORY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(AccountInterventions.class);

    private final AccountRepository accounts;
    private final BackChannelLogoutPlanner backChannel;
    private final AuthorizationStore authorizations;
    private final Optional<FindByIndexNameSessionRepository<? extends Session>> sharedSessions;
    private final MeterRegistry meters;
    private final Clock clock;

    public AccountInterventions(AccountRepository accounts, BackChannelLogoutPlanner backChannel,
            AuthorizationStore authorizations,
            Optional<FindByIndexNameSessionRepository<? extends Session>> sharedSessions, MeterRegistry meters,
            Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.backChannel = Objects.requireNonNull(backChannel, "backChannel");
        this.authorizations = Objects.requireNonNull(authorizations, "authorizations");
        this.sharedSessions = Objects.requireNonNull(sharedSessions, "sharedSessions");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Places (or, with {@link AccountStatus#ACTIVE}, lifts) an intervention on the account. */
    public InterventionOutcome apply(UUID accountId, AccountStatus status) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
        Optional<Account> account = accounts.findById(accountId);
        if (account.isEmpty() || !accounts.updateStatus(accountId, status)) {
            return new InterventionOutcome.NoSuchAccount();
        }
        meters.counter("signet.interventions", "status", status.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        if (status == AccountStatus.ACTIVE) {
            log.info("Intervention lifted from account {} (was {})", accountId, account.get().status());
            return new InterventionOutcome.Applied(account.get().status(), status, 0, 0, 0);
        }
        String principal = accountId.toString();
        List<LogoutNotice> notices = backChannel.allSessionsEnded(principal);
        int revoked = 0;
        for (OAuth2Authorization authorization : authorizations.findByPrincipalName(principal)) {
            authorizations.revokeFamily(authorization.getId(), clock.instant().plus(REVOCATION_MEMORY));
            revoked++;
        }
        int sessionsEnded = endSharedSessions(principal);
        log.info("Intervention {} placed on account {}: {} relying-party sessions told, {} token families revoked, "
                + "{} sessions ended", status, accountId, notices.size(), revoked, sessionsEnded);
        return new InterventionOutcome.Applied(account.get().status(), status, notices.size(), revoked,
                sessionsEnded);
    }

    private int endSharedSessions(String principal) {
        if (sharedSessions.isEmpty()) {
            return 0;
        }
        FindByIndexNameSessionRepository<? extends Session> repository = sharedSessions.get();
        int ended = 0;
        for (String sessionId : List.copyOf(repository.findByPrincipalName(principal).keySet())) {
            repository.deleteById(sessionId);
            ended++;
        }
        return ended;
    }
}
