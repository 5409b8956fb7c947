package dev.signet.server.migration;

import dev.signet.core.account.EmailAddress;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.server.credentials.CodesProperties;
import dev.signet.server.signin.JourneyEmails;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The emailed codes of the old-account journey. Each code is bound to the legacy identity being linked as well as to
 * the address, so a code from another journey (sign-up, or another old account) never proves this one.
 */
@Component
class OldAccountCodes {

    private final OneTimeCodeStore codes;
    private final CodesProperties codeSettings;
    private final JourneyEmails emails;

    OldAccountCodes(OneTimeCodeStore codes, CodesProperties codeSettings, JourneyEmails emails) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.codeSettings = Objects.requireNonNull(codeSettings, "codeSettings");
        this.emails = Objects.requireNonNull(emails, "emails");
    }

    void send(OldAccountJourney journey, String email, Locale locale) {
        String code = codes.issue(CodePurpose.VERIFY_EMAIL, subject(journey, email), codeSettings.timeToLive());
        emails.sendOldAccountCode(email, code, codeSettings.timeToLive(), locale);
    }

    /** How long the codes this journey sends live (signet.codes.time-to-live), for the pages that say so. */
    Duration codeLifetime() {
        return codeSettings.timeToLive();
    }

    CodeCheck check(OldAccountJourney journey, String email, String code) {
        return codes.check(CodePurpose.VERIFY_EMAIL, subject(journey, email), code);
    }

    private static String subject(OldAccountJourney journey, String email) {
        return "old-account:" + journey.connectorId() + ":" + journey.pending().legacySubject() + ":"
                + EmailAddress.canonical(email);
    }
}
