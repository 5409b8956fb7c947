package dev.signet.server.mfa;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.signin.JourneyEmails;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * What follows a change the citizen made to their second factors from "Your account": an email to the owner (so one
 * who did not make it can act), an audit entry, and a count ({@code signet.account.change{change,outcome}}).
 */
@Component
class SecondFactorChanges {

    private final AccountRepository accounts;
    private final JourneyEmails emails;
    private final AuditTrail audit;
    private final MeterRegistry meters;

    SecondFactorChanges(AccountRepository accounts, JourneyEmails emails, AuditTrail audit, MeterRegistry meters) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    void added(UUID accountId, SecondFactorMethod method, Locale locale) {
        told(accountId, "secondFactorAdded", locale, inWords(method));
        recorded(accountId, AuditEventType.SECOND_FACTOR_ADDED, Map.of("method", name(method)), "added");
    }

    void removed(UUID accountId, SecondFactorMethod method, Locale locale) {
        told(accountId, "secondFactorRemoved", locale, inWords(method));
        recorded(accountId, AuditEventType.SECOND_FACTOR_REMOVED, Map.of("method", name(method)), "removed");
    }

    void recoveryCodesReplaced(UUID accountId, Locale locale) {
        told(accountId, "recoveryCodesReplaced", locale);
        recorded(accountId, AuditEventType.RECOVERY_CODES_REPLACED, Map.of(), "recovery_codes_replaced");
    }

    private void told(UUID accountId, String kind, Locale locale, Object... what) {
        accounts.findById(accountId).ifPresent(account -> emails.sendSignInMethodChanged(kind, account.email(),
                locale, what));
    }

    private void recorded(UUID accountId, AuditEventType type, Map<String, String> details, String outcome) {
        audit.record(Actor.citizen(accountId), type, Optional.of(accountId), details);
        meters.counter("signet.account.change", "change", "second_factor", "outcome", outcome).increment();
    }

    /** The method as the email names it, resolved in the email's language. */
    private static DefaultMessageSourceResolvable inWords(SecondFactorMethod method) {
        return new DefaultMessageSourceResolvable("mfa.account.method." + method.name());
    }

    private static String name(SecondFactorMethod method) {
        return method.name().toLowerCase(Locale.ROOT);
    }
}
