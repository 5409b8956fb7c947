package dev.signet.server.migration;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import dev.signet.core.audit.Actor;
import dev.signet.core.audit.AuditOrigin;
import dev.signet.core.audit.Initiator;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.merge.AccountMerges;
import dev.signet.core.merge.MergeOutcome;
import dev.signet.core.merge.MergeRequest;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.credentials.CodesProperties;
import dev.signet.server.mfa.SecondFactors;
import dev.signet.server.protection.ClientAddress;
import dev.signet.server.signin.JourneyEmails;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Joins a citizen's two Signet accounts once they have proven control of both: the account that holds an old account
 * they linked (the source) is merged into the one they are signed in to (the target) by identity-core's
 * {@link AccountMerges}, which moves the links, ends the source's sessions, tells relying parties and audits. Decides
 * which accounts a citizen may join themselves (the rest go to operators), what proves the source, and emails both
 * addresses afterwards.
 */
@Service
class AccountJoining {

    /** The reason merges made by citizens carry in the audit log. */
    static final String REASON = "citizen proved control of both accounts";

    /** Second factors asked for in this order: an app needs nothing sent. */
    private static final List<SecondFactorMethod> FACTOR_ORDER = List.of(SecondFactorMethod.AUTHENTICATOR_APP,
            SecondFactorMethod.TEXT_MESSAGE, SecondFactorMethod.EMAIL);

    private final AccountRepository accounts;
    private final AccountMerges merges;
    private final SecondFactors secondFactors;
    private final PasskeyRepository passkeys;
    private final OneTimeCodeStore codes;
    private final CodesProperties codeSettings;
    private final JourneyEmails emails;

    AccountJoining(AccountRepository accounts, AccountMerges merges, SecondFactors secondFactors,
            PasskeyRepository passkeys, OneTimeCodeStore codes, CodesProperties codeSettings, JourneyEmails emails) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.merges = Objects.requireNonNull(merges, "merges");
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.codeSettings = Objects.requireNonNull(codeSettings, "codeSettings");
        this.emails = Objects.requireNonNull(emails, "emails");
    }

    /**
     * Whether the citizen can join the source into the target themselves. Not when either account is suspended,
     * blocked, merged or must reset its password (an operator looks at those), when the merge would be refused
     * (the source holds merges of its own), or when the source's only strong factor is a passkey, which these pages
     * cannot check.
     */
    boolean citizenMayJoin(UUID sourceId, UUID targetId) {
        Optional<Account> source = accounts.findById(sourceId);
        Optional<Account> target = accounts.findById(targetId);
        if (source.isEmpty() || target.isEmpty() || source.get().status() != AccountStatus.ACTIVE
                || target.get().status() != AccountStatus.ACTIVE) {
            return false;
        }
        if (secondFactors.of(sourceId).isEmpty() && !passkeys.findByAccount(sourceId).isEmpty()) {
            return false;
        }
        return merges.preview(sourceId, targetId).possible();
    }

    Optional<Account> account(UUID id) {
        return accounts.findById(id);
    }

    /** The source's second factor to ask for, if it has any. */
    Optional<SecondFactor> secondFactorOf(UUID sourceId) {
        return secondFactors.of(sourceId).stream()
                .min(Comparator.comparingInt(factor -> FACTOR_ORDER.indexOf(factor.method())));
    }

    /** Sends a code for the source's second factor (nothing for an app); false when it could not be sent. */
    boolean sendSecondFactorCode(SecondFactor factor, Locale locale) {
        return secondFactors.send(factor, locale);
    }

    CodeCheck checkSecondFactor(SecondFactor factor, String code) {
        return secondFactors.check(factor, code);
    }

    /** For a source without a password: a code to its address, bound to both accounts of this journey. */
    void sendEmailCode(AccountJoinJourney journey, String sourceEmail, Locale locale) {
        String code = codes.issue(CodePurpose.VERIFY_EMAIL, codeSubject(journey), codeSettings.timeToLive());
        emails.sendAccountJoinCode(sourceEmail, code, codeSettings.timeToLive(), locale);
    }

    CodeCheck checkEmailCode(AccountJoinJourney journey, String code) {
        return codes.check(CodePurpose.VERIFY_EMAIL, codeSubject(journey), code);
    }

    Duration codeLifetime() {
        return codeSettings.timeToLive();
    }

    /**
     * Merges the source into the target, initiated by the citizen (the target's owner), and tells both addresses.
     *
     * @param proof how the source was proven, for the audit log: {@code signet_password},
     *              {@code signet_password_and_second_factor}, {@code email_code} or {@code email_code_and_second_factor}
     */
    MergeOutcome join(AccountJoinJourney journey, String proof, HttpServletRequest request, Locale locale) {
        Initiator initiator = new Initiator(Actor.citizen(journey.targetId()),
                AuditOrigin.of(ClientAddress.of(request), request.getHeader("User-Agent")), REASON,
                Map.of("connector", journey.connectorId(), "proof", proof));
        MergeOutcome outcome = merges.merge(MergeRequest.of(journey.sourceId(), journey.targetId(), initiator));
        if (outcome instanceof MergeOutcome.Merged) {
            Optional<Account> source = accounts.findById(journey.sourceId());
            Optional<Account> target = accounts.findById(journey.targetId());
            if (source.isPresent() && target.isPresent()) {
                emails.sendAccountsJoined(target.get().email(), MaskedEmail.of(source.get().email()), locale);
                emails.sendAccountJoinedAway(source.get().email(), MaskedEmail.of(target.get().email()), locale);
            }
        }
        return outcome;
    }

    private static String codeSubject(AccountJoinJourney journey) {
        return "join-accounts:" + journey.sourceId() + ":" + journey.targetId();
    }
}
