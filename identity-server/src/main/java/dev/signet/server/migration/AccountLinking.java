package dev.signet.server.migration;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.account.jdbc.AccountLocks;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.links.LinkMethod;
import dev.signet.core.links.LinkedIdentity;
import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.core.links.PasswordFingerprint;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.signin.JourneyEmails;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the link between a proven legacy identity and a Signet account: creating the account when the citizen has
 * none, carrying the legacy password over when the account has no password yet. The account, its password and the
 * link are written in one transaction. Each link is audited ({@code legacy_identity.linked}), counted, and confirmed
 * to the citizen by email, so an owner who did not make it can act.
 */
@Service
class AccountLinking {

    /** How a link attempt ended. */
    sealed interface Result {
        /** Linked to {@code accountId}. */
        record Linked(UUID accountId) implements Result {
        }

        /** A new account was wanted but the address already has one: the citizen must prove control of it. */
        record EmailTaken() implements Result {
        }

        /** Meanwhile the legacy identity was linked to another account: the citizen may join the two accounts. */
        record LinkedElsewhere() implements Result {
        }

        /**
         * The account has been merged into another account (found by its email address, which stays with it): it
         * cannot take links, and the citizen signs in with the account it was joined to.
         */
        record AccountMerged() implements Result {
        }
    }

    private final AccountRepository accounts;
    private final LinkedIdentityRepository links;
    private final ConnectorChoices connectors;
    private final MigrationMetrics metrics;
    private final AuditTrail audit;
    private final JourneyEmails emails;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    AccountLinking(AccountRepository accounts, LinkedIdentityRepository links, ConnectorChoices connectors,
            MigrationMetrics metrics, AuditTrail audit, JourneyEmails emails, Clock clock, DataSource dataSource) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.links = Objects.requireNonNull(links, "links");
        this.connectors = Objects.requireNonNull(connectors, "connectors");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * A new account for the proven email, linked to the legacy identity, holding the legacy password when the old
     * system checked one (an account made through an upstream provider has no Signet password until the citizen sets
     * one).
     */
    Result createAccount(String connectorId, OldAccountJourney.PendingLink pending, Locale locale) {
        if (!pending.emailProven()) {
            throw new IllegalStateException("An account is only made for a proven email address");
        }
        Instant now = clock.instant();
        UUID accountId = UUID.randomUUID();
        Result result = inTransaction(() -> {
            accounts.create(new Account(accountId, pending.email(), true, pending.carriedPassword(),
                    AccountStatus.ACTIVE, now, now));
            links.link(LinkedIdentity.of(accountId, connectorId, pending.legacySubject(), now,
                    LinkMethod.NEW_ACCOUNT, pending.carriedPassword().map(PasswordFingerprint::of)));
            return new Result.Linked(accountId);
        });
        if (result instanceof Result.Linked) {
            audit.record(Actor.citizen(accountId), AuditEventType.ACCOUNT_CREATED_BY_MIGRATION,
                    Optional.of(accountId), Map.of("connector", connectorId));
            linked(accountId, connectorId, LinkMethod.NEW_ACCOUNT, pending.carriedPassword().isPresent(),
                    pending.refusedPassword().isPresent(), pending.email(), locale);
        }
        return result;
    }

    /**
     * Links the legacy identity to an existing account whose control the citizen has just proven by {@code method};
     * the legacy password becomes the account's password only when it has none.
     */
    Result linkExisting(UUID accountId, String connectorId, OldAccountJourney.PendingLink pending, LinkMethod method,
            Locale locale) {
        Account before = accounts.findById(accountId)
                .orElseThrow(() -> new IllegalStateException("The account to link no longer exists"));
        Result result = inTransaction(() -> {
            // The account's lock (the one merges take): a link never lands on an account a merge is moving away.
            AccountLocks.lock(jdbc, accountId);
            Account account = accounts.findById(accountId)
                    .orElseThrow(() -> new IllegalStateException("The account to link no longer exists"));
            if (account.status() == AccountStatus.MERGED) {
                return new Result.AccountMerged();
            }
            Optional<String> carried = account.passwordHash().isEmpty() ? pending.carriedPassword()
                    : Optional.empty();
            links.link(LinkedIdentity.of(accountId, connectorId, pending.legacySubject(), clock.instant(), method,
                    carried.map(PasswordFingerprint::of)));
            carried.ifPresent(hash -> accounts.updatePasswordHash(accountId, hash));
            return new Result.Linked(accountId);
        });
        if (result instanceof Result.Linked) {
            boolean carriedOver = before.passwordHash().isEmpty() && pending.carriedPassword().isPresent();
            boolean refused = before.passwordHash().isEmpty() && pending.refusedPassword().isPresent();
            linked(accountId, connectorId, method, carriedOver, refused, before.email(), locale);
        } else if (result instanceof Result.LinkedElsewhere && links.find(connectorId, pending.legacySubject())
                .filter(link -> link.accountId().equals(accountId)).isPresent()) {
            // Linked to this very account meanwhile (the same citizen, in another tab): nothing more to do.
            return new Result.Linked(accountId);
        }
        return result;
    }

    private Result inTransaction(java.util.function.Supplier<Result> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (AccountRepository.DuplicateEmailException taken) {
            return new Result.EmailTaken();
        } catch (LinkedIdentityRepository.AlreadyLinkedException elsewhere) {
            return new Result.LinkedElsewhere();
        }
    }

    /**
     * @param refusedByPolicy the legacy password would have become the account's but did not meet Signet's rules: the
     *                        audit says so ("policy"), never which rule. The audit key is {@code carried_over}:
     *                        {@link dev.signet.core.audit.AuditEvent} refuses any key naming a password, so that no
     *                        detail can ever hold one
     */
    private void linked(UUID accountId, String connectorId, LinkMethod method, boolean carriedOver,
            boolean refusedByPolicy, String email, Locale locale) {
        Map<String, String> details = new java.util.LinkedHashMap<>();
        details.put("connector", connectorId);
        details.put("method", method.value());
        if (carriedOver) {
            details.put("carried_over", "true");
        } else if (refusedByPolicy) {
            details.put("carried_over", "false");
            details.put("reason", "policy");
        }
        audit.record(Actor.citizen(accountId), AuditEventType.LEGACY_IDENTITY_LINKED, Optional.of(accountId),
                Map.copyOf(details));
        metrics.linked(connectorId, method.value());
        if (carriedOver) {
            metrics.passwordCarriedOver(connectorId);
        } else if (refusedByPolicy) {
            metrics.passwordRefusedByPolicy(connectorId);
        }
        String systemName = connectors.instance(connectorId).map(instance -> instance.displayName(
                locale.getLanguage())).orElse(connectorId);
        emails.sendOldAccountLinked(email, systemName, locale);
    }
}
