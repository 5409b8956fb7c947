package dev.signet.server.mfa;

import dev.signet.core.mfa.SecondFactorMethod;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.mfa.*}: second factors (docs/second-factors.md).
 *
 * @param methods                 the second factors citizens may set up, in the order offered:
 *                                {@code authenticator-app}, {@code text-message}, {@code email}
 * @param authenticatorAppIssuer  the name authenticator apps show next to the account (no colon)
 * @param recoveryCodes           how many single-use recovery codes a citizen gets with their first second factor
 *                                (5..20)
 * @param maxWrongCodes           wrong second-factor or recovery codes allowed in one sign-in before the citizen must
 *                                start again from the password (1..10)
 */
@Validated
@ConfigurationProperties("signet.mfa")
public record MfaProperties(@NotNull List<SecondFactorMethod> methods, @NotNull String authenticatorAppIssuer,
        int recoveryCodes, int maxWrongCodes) {

    public MfaProperties {
        if (methods != null && methods.isEmpty()) {
            throw new IllegalArgumentException("signet.mfa.methods must list at least one of authenticator-app, "
                    + "text-message, email");
        }
        if (methods != null && methods.stream().distinct().count() != methods.size()) {
            throw new IllegalArgumentException("signet.mfa.methods lists a method twice: " + methods);
        }
        if (authenticatorAppIssuer != null
                && (authenticatorAppIssuer.isBlank() || authenticatorAppIssuer.contains(":"))) {
            throw new IllegalArgumentException("signet.mfa.authenticator-app-issuer must be a name without a colon, "
                    + "but was '" + authenticatorAppIssuer + "'");
        }
        if (recoveryCodes < 5 || recoveryCodes > 20) {
            throw new IllegalArgumentException("signet.mfa.recovery-codes must be from 5 to 20, but was "
                    + recoveryCodes);
        }
        if (maxWrongCodes < 1 || maxWrongCodes > 10) {
            throw new IllegalArgumentException("signet.mfa.max-wrong-codes must be from 1 to 10, but was "
                    + maxWrongCodes);
        }
        methods = methods == null ? null : List.copyOf(methods);
    }
}
