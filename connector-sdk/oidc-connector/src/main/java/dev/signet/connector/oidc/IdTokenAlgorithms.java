package dev.signet.connector.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The ID token signature algorithms an operator may allow: never {@code none}; HMAC only with a client secret. */
final class IdTokenAlgorithms {

    static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private IdTokenAlgorithms() {
    }

    /** HMAC keys shorter than the hash are weak; RFC 7518, section 3.2, requires at least 256 bits for HS256. */
    private static final int LEAST_SECRET_LENGTH = 32;

    /**
     * What is wrong with the allowed algorithms, given the client secret's length in characters (0 for none); the
     * secret itself is never looked at beyond that.
     */
    static Optional<String> problem(Set<String> names, int secretLength) {
        if (names.isEmpty()) {
            return Optional.of("must name at least one algorithm");
        }
        for (String name : names) {
            JWSAlgorithm algorithm = JWSAlgorithm.parse(name);
            if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                if (secretLength == 0) {
                    return Optional.of("may list " + name + " only with a client secret (it is the HMAC key)");
                }
                if (secretLength < LEAST_SECRET_LENGTH) {
                    return Optional.of("may list " + name + " only with a client secret of at least "
                            + LEAST_SECRET_LENGTH + " characters");
                }
            } else if (!ASYMMETRIC.contains(algorithm)) {
                return Optional.of("must list only " + ASYMMETRIC.stream().map(JWSAlgorithm::getName).sorted()
                        .collect(Collectors.joining(", ")) + " or HS256/HS384/HS512, not '" + name + "'");
            }
        }
        return Optional.empty();
    }

    static Set<JWSAlgorithm> parse(Set<String> names) {
        return names.stream().map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
    }
}
