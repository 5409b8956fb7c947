package dev.signet.server.oidc.claims;

import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.subjects.*}: how {@code sub} values are derived (docs/claims-and-trust.md).
 *
 * @param pairwiseSalt the secret key of every {@code sub}; at least 32 characters. Leave it unset only with the
 *                     embedded database: Signet then generates one and keeps it in the data directory. Changing it
 *                     changes every citizen's {@code sub} at every service.
 */
@Validated
@ConfigurationProperties("signet.subjects")
public record SubjectsProperties(Optional<String> pairwiseSalt) {

    static final int MINIMUM_SALT_LENGTH = 32;

    public SubjectsProperties {
        pairwiseSalt = pairwiseSalt == null ? Optional.empty() : pairwiseSalt.filter(salt -> !salt.isEmpty());
        if (pairwiseSalt.isPresent() && pairwiseSalt.get().length() < MINIMUM_SALT_LENGTH) {
            throw new IllegalArgumentException("signet.subjects.pairwise-salt must be at least " + MINIMUM_SALT_LENGTH
                    + " characters (for example the output of `openssl rand -base64 32`)");
        }
    }
}
