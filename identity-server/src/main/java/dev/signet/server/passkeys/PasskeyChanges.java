package dev.signet.server.passkeys;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditEventType;
import dev.signet.server.audit.AuditTrail;
import dev.signet.server.signin.JourneyEmails;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What follows a passkey being added or removed: the account page's banner ({@link PasskeyNotices}), an email to the
 * owner (so one who did not do it can act) and an audit entry naming the credential id.
 */
@Component
class PasskeyChanges {

    private final AccountRepository accounts;
    private final JourneyEmails emails;
    private final AuditTrail audit;

    PasskeyChanges(AccountRepository accounts, JourneyEmails emails, AuditTrail audit) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.emails = Objects.requireNonNull(emails, "emails");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    void added(UUID accountId, String credentialId, String label, HttpServletRequest request, Locale locale) {
        PasskeyNotices.added(request, label);
        told(accountId, "passkeyAdded", label, locale);
        audited(accountId, AuditEventType.PASSKEY_ADDED, credentialId);
    }

    void removed(UUID accountId, String credentialId, String label, HttpServletRequest request, Locale locale) {
        PasskeyNotices.removed(request, label);
        told(accountId, "passkeyRemoved", label, locale);
        audited(accountId, AuditEventType.PASSKEY_REMOVED, credentialId);
    }

    private void told(UUID accountId, String kind, String label, Locale locale) {
        accounts.findById(accountId).ifPresent(account -> emails.sendSignInMethodChanged(kind, account.email(),
                locale, label));
    }

    private void audited(UUID accountId, AuditEventType type, String credentialId) {
        audit.record(Actor.citizen(accountId), type, Optional.of(accountId), Map.of("credential_id", credentialId));
    }
}
