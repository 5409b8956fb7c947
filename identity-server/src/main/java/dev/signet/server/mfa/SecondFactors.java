package dev.signet.server.mfa;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.mfa.RecoveryCodeRepository;
import dev.signet.core.mfa.RecoveryCodes;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import dev.signet.core.mfa.SecondFactorRepository;
import dev.signet.core.mfa.totp.Base32;
import dev.signet.core.mfa.totp.Totp;
import dev.signet.core.mfa.totp.TotpSecretSealer;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordHasher;
import dev.signet.server.credentials.CodesProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What second factors do, whatever page asks: setting one up, checking a code, recovery codes. Codes and secrets are
 * never logged; outcomes are counted as {@code signet.mfa.check{method,outcome}}.
 */
public final class SecondFactors {

    private final SecondFactorRepository factors;
    private final RecoveryCodeRepository recoveryCodes;
    private final TotpSecretSealer sealer;
    private final OneTimeCodeStore codes;
    private final CodesProperties codeSettings;
    private final SecondFactorMessages messages;
    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final MfaProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactors(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes, TotpSecretSealer sealer,
            OneTimeCodeStore codes, CodesProperties codeSettings, SecondFactorMessages messages,
            AccountRepository accounts, PasswordHasher hasher, MfaProperties settings, MeterRegistry meters,
            Clock clock) {
        this.factors = Objects.requireNonNull(factors, "factors");
        this.recoveryCodes = Objects.requireNonNull(recoveryCodes, "recoveryCodes");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.codeSettings = Objects.requireNonNull(codeSettings, "codeSettings");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<SecondFactor> of(UUID accountId) {
        return factors.findByAccount(accountId);
    }

    public Optional<SecondFactor> of(UUID accountId, SecondFactorMethod method) {
        return of(accountId).stream().filter(factor -> factor.method() == method).findFirst();
    }

    /** The methods a citizen may set up, in the order to offer them. */
    public List<SecondFactorMethod> offered() {
        return settings.methods();
    }

    // ---- authenticator app ----

    /** A new app secret, sealed for the factor it will become (it waits in the session until confirmed). */
    public PendingApp newApp() {
        UUID factorId = UUID.randomUUID();
        return new PendingApp(factorId, sealer.seal(factorId, Totp.newSecret(random)));
    }

    /** What the set-up page shows: the key for typing in and the {@code otpauth} URI the QR code holds. */
    public AppKey keyFor(PendingApp pending, String accountEmail) {
        String key = Base32.encode(sealer.open(pending.factorId(), pending.sealedSecret()));
        String issuer = settings.authenticatorAppIssuer();
        // Key URI format (Google Authenticator's, which every app reads): label "issuer:account", issuer repeated.
        String uri = "otpauth://totp/" + uriPart(issuer) + ":" + uriPart(accountEmail) + "?secret=" + key
                + "&issuer=" + uriPart(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period="
                + Totp.STEP_SECONDS;
        return new AppKey(Base32.grouped(key), uri);
    }

    /** Adds the app when the typed code is right; its step is then used up. */
    public boolean confirmApp(UUID accountId, PendingApp pending, String typed) {
        byte[] secret = sealer.open(pending.factorId(), pending.sealedSecret());
        OptionalLong step = Totp.verify(secret, typed, clock.instant());
        if (step.isEmpty()) {
            return count(SecondFactorMethod.AUTHENTICATOR_APP, "set_up_wrong", false);
        }
        factors.save(SecondFactor.authenticatorApp(pending.factorId(), accountId, pending.sealedSecret(),
                clock.instant()));
        factors.useTotpStep(pending.factorId(), step.getAsLong(), clock.instant());
        return count(SecondFactorMethod.AUTHENTICATOR_APP, "set_up", true);
    }

    /** Checks a code from the citizen's app; a code (or an earlier one) already accepted is refused. */
    public boolean checkApp(UUID accountId, String typed) {
        Optional<SecondFactor> app = of(accountId, SecondFactorMethod.AUTHENTICATOR_APP);
        if (app.isEmpty()) {
            return false;
        }
        byte[] secret = sealer.open(app.get().id(), app.get().sealedTotpSecret().orElseThrow());
        OptionalLong step = Totp.verify(secret, typed, clock.instant());
        if (step.isEmpty()) {
            return count(SecondFactorMethod.AUTHENTICATOR_APP, "wrong", false);
        }
        if (!factors.useTotpStep(app.get().id(), step.getAsLong(), clock.instant())) {
            return count(SecondFactorMethod.AUTHENTICATOR_APP, "replayed", false);
        }
        return count(SecondFactorMethod.AUTHENTICATOR_APP, "success", true);
    }

    // ---- codes sent by text message or email ----

    /** Sends a code to the number being set up, or the number of the account's text-message factor. */
    public boolean sendTextCode(UUID accountId, String phoneNumber, Locale locale) {
        String code = codes.issue(CodePurpose.SECOND_FACTOR_TEXT_MESSAGE, textSubject(accountId, phoneNumber),
                codeSettings.timeToLive());
        return messages.sendText(phoneNumber, code, locale);
    }

    public CodeCheck checkTextCode(UUID accountId, String phoneNumber, String typed) {
        CodeCheck check = codes.check(CodePurpose.SECOND_FACTOR_TEXT_MESSAGE, textSubject(accountId, phoneNumber),
                typed);
        count(SecondFactorMethod.TEXT_MESSAGE, outcome(check), check instanceof CodeCheck.Valid);
        return check;
    }

    public void addTextMessage(UUID accountId, String phoneNumber) {
        factors.save(SecondFactor.textMessage(UUID.randomUUID(), accountId, phoneNumber, clock.instant()));
    }

    /** Sends a code to the account's email address. */
    public boolean sendEmailCode(UUID accountId, Locale locale) {
        Optional<Account> account = accounts.findById(accountId);
        if (account.isEmpty()) {
            return false;
        }
        String code = codes.issue(CodePurpose.SECOND_FACTOR_EMAIL, accountId.toString(), codeSettings.timeToLive());
        return messages.sendEmail(account.get().email(), code, locale);
    }

    public CodeCheck checkEmailCode(UUID accountId, String typed) {
        CodeCheck check = codes.check(CodePurpose.SECOND_FACTOR_EMAIL, accountId.toString(), typed);
        count(SecondFactorMethod.EMAIL, outcome(check), check instanceof CodeCheck.Valid);
        return check;
    }

    public void addEmail(UUID accountId) {
        factors.save(SecondFactor.email(UUID.randomUUID(), accountId, clock.instant()));
    }

    /** How long a sent code lives, for the pages. */
    public Duration codeLifetime() {
        return codeSettings.timeToLive();
    }

    // ---- any factor ----

    /**
     * Sends a code for the factor, when it is one that is sent (a text message or an email); an app needs nothing.
     * False when it could not be sent.
     */
    public boolean send(SecondFactor factor, Locale locale) {
        return switch (factor.method()) {
            case AUTHENTICATOR_APP -> true;
            case TEXT_MESSAGE -> sendTextCode(factor.accountId(), factor.phoneNumber().orElseThrow(), locale);
            case EMAIL -> sendEmailCode(factor.accountId(), locale);
        };
    }

    /**
     * Checks a code typed for the factor: an app code (a wrong or replayed one is {@link CodeCheck.Wrong}, with no
     * count of tries left: the caller's attempt limit counts them) or a code that was sent.
     */
    public CodeCheck check(SecondFactor factor, String code) {
        return switch (factor.method()) {
            case AUTHENTICATOR_APP -> checkApp(factor.accountId(), code) ? new CodeCheck.Valid()
                    : new CodeCheck.Wrong(0);
            case TEXT_MESSAGE -> checkTextCode(factor.accountId(), factor.phoneNumber().orElseThrow(), code);
            case EMAIL -> checkEmailCode(factor.accountId(), code);
        };
    }

    // ---- recovery codes ----

    /**
     * New recovery codes when the account has none left unused (its first second factor, or all used): the codes to
     * show the citizen once; only their hashes are kept.
     */
    public Optional<List<String>> issueRecoveryCodesIfNone(UUID accountId) {
        if (!recoveryCodes.unusedHashes(accountId).isEmpty()) {
            return Optional.empty();
        }
        List<String> fresh = RecoveryCodes.generate(settings.recoveryCodes(), random);
        recoveryCodes.replace(accountId, fresh.stream().map(hasher::hash).toList(), clock.instant());
        return Optional.of(fresh.stream().map(RecoveryCodes::display).toList());
    }

    /** New recovery codes in place of all the old ones (used or not), to show once. */
    public List<String> replaceRecoveryCodes(UUID accountId) {
        List<String> fresh = RecoveryCodes.generate(settings.recoveryCodes(), random);
        recoveryCodes.replace(accountId, fresh.stream().map(hasher::hash).toList(), clock.instant());
        return fresh.stream().map(RecoveryCodes::display).toList();
    }

    /** How many recovery codes the account has left (never which). */
    public int recoveryCodesLeft(UUID accountId) {
        return recoveryCodes.unusedHashes(accountId).size();
    }

    /** Removes the account's factor of that method; false when it had none. */
    public boolean remove(UUID accountId, SecondFactorMethod method) {
        return factors.remove(accountId, method);
    }

    public boolean hasRecoveryCodes(UUID accountId) {
        return !recoveryCodes.unusedHashes(accountId).isEmpty();
    }

    /** Uses up the recovery code the citizen typed, if it is one of theirs not used before. */
    public boolean useRecoveryCode(UUID accountId, String typed) {
        Optional<String> code = RecoveryCodes.canonical(typed);
        if (code.isEmpty()) {
            return false;
        }
        for (String hash : recoveryCodes.unusedHashes(accountId)) {
            if (hasher.verify(code.get(), hash) instanceof PasswordCheck.Matches) {
                boolean used = recoveryCodes.markUsed(accountId, hash, clock.instant());
                meters.counter("signet.mfa.check", "method", "recovery_code", "outcome",
                        used ? "success" : "replayed").increment();
                return used;
            }
        }
        meters.counter("signet.mfa.check", "method", "recovery_code", "outcome", "wrong").increment();
        return false;
    }

    private static String textSubject(UUID accountId, String phoneNumber) {
        return accountId + "|" + phoneNumber;
    }

    private static String outcome(CodeCheck check) {
        if (check instanceof CodeCheck.Valid) {
            return "success";
        }
        if (check instanceof CodeCheck.Wrong) {
            return "wrong";
        }
        return check instanceof CodeCheck.TooManyAttempts ? "too_many_attempts" : "expired";
    }

    private boolean count(SecondFactorMethod method, String outcome, boolean result) {
        meters.counter("signet.mfa.check", "method", method.name().toLowerCase(Locale.ROOT), "outcome", outcome)
                .increment();
        return result;
    }

    private static String uriPart(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An app being set up: its future factor id and its secret, sealed for that id. */
    public record PendingApp(UUID factorId, byte[] sealedSecret) {
    }

    /** The key grouped for typing, and the URI for the QR code. */
    public record AppKey(String groupedKey, String otpauthUri) {
    }
}
