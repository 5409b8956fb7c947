package dev.signet.server.mfa;

import dev.signet.core.mfa.PhoneNumbers;
import dev.signet.core.mfa.SecondFactor;
import dev.signet.core.mfa.SecondFactorMethod;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What the account page shows about second factors: never a secret, a code, or a whole phone number. */
@Component
public class AccountSecondFactors {

    private final SecondFactors secondFactors;

    AccountSecondFactors(SecondFactors secondFactors) {
        this.secondFactors = Objects.requireNonNull(secondFactors, "secondFactors");
    }

    /** One factor as a row: its method, the last digits of a text-message number, and its path segment. */
    public record Row(String method, Optional<String> phoneEnding, String path) {
    }

    /**
     * The account page's second-factors section.
     *
     * @param canAdd            methods offered that the account does not have yet
     * @param recoveryCodesLeft unused recovery codes (shown only when the account has a second factor)
     */
    public record Section(List<Row> factors, List<String> canAdd, int recoveryCodesLeft) {
    }

    /** A method's segment in the account pages' paths ({@code authenticator-app}). */
    static String path(SecondFactorMethod method) {
        return method.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Section section(UUID accountId) {
        List<SecondFactor> factors = secondFactors.of(accountId);
        List<Row> rows = factors.stream().map(factor -> new Row(factor.method().name(),
                factor.phoneNumber().map(PhoneNumbers::lastDigits), path(factor.method()))).toList();
        List<String> canAdd = secondFactors.offered().stream()
                .filter(method -> factors.stream().noneMatch(factor -> factor.method() == method))
                .map(SecondFactorMethod::name).toList();
        return new Section(rows, canAdd, factors.isEmpty() ? 0 : secondFactors.recoveryCodesLeft(accountId));
    }
}
