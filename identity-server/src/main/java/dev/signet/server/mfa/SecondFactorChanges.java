package dev.signet.server.mfa;

import dev.signet.core.account.Account;
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
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * What follows a change the citizen made to their second factors from "Your account": an email to the owner (so one
 * who did not make it can act), an audit entry, and a count ({@code signet.account.change{change,outcome}}).
 */
@Component
class SecondFactorChanges {

    private final JourneyEmails emails;
    private final AuditTrail audit;
    private final MeterRegistry meters;

    SecondFactorChanges(JourneyEmails emails, AuditTrail audit, MeterRegistry meters) {
        this.emails = Objects.requireNonNull(emails, "emails");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    void added(Account account, SecondFactorMethod method, Locale locale) {
        emails.sendSignInMethodChanged("secondFactorAdded", account.email(), locale, inWords(method));
        recorded(account, AuditEventType.SECOND_FACTOR_ADDED, Map.of("method", name(method)), "added");
    }

    void removed(Account account, SecondFactorMethod method, Locale locale) {
        emails.sendSignInMethodChanged("secondFactorRemoved", account.email(), locale, inWords(method));
        recorded(account, AuditEventType.SECOND_FACTOR_REMOVED, Map.of("method", name(method)), "removed");
    }

    void recoveryCodesReplaced(Account account, Locale locale) {
        emails.sendSignInMethodChanged("recoveryCodesReplaced", account.email(), locale);
        recorded(account, AuditEventType.RECOVERY_CODES_REPLACED, Map.of(), "recovery_codes_replaced");
    }

    private void recorded(Account account, AuditEventType type, Map<String, String> details, String outcome) {
        audit.record(Actor.citizen(account.id()), type, Optional.of(account.id()), details);
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
