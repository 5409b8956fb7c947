package dev.signet.server.oidc.trust;

import com.nimbusds.jose.util.JSONArrayUtils;
import dev.signet.server.signin.CredentialTrustLevel;
import java.text.ParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credential trust an authorization request needs, from its {@code vtr} (RFC 8485 §3.1: a JSON array of vectors,
 * any one of which is acceptable, so the weakest known one is what must be met). Without {@code vtr} the request
 * needs {@code Cl.Cm}, as at GOV.UK One Login. The parameter's syntax and the client's allowed vectors are checked
 * earlier, by the relying-party rules; this reads the stored request again at token time.
 */
public final class RequestedTrust {

    public static final String PARAMETER = "vtr";
    public static final CredentialTrustLevel DEFAULT = CredentialTrustLevel.MEDIUM;

    private RequestedTrust() {
    }

    /**
     * @return the level the request needs; empty when none of its vectors is one Signet knows (so it cannot be met)
     */
    public static Optional<CredentialTrustLevel> required(Map<String, Object> parameters) {
        Object vtr = parameters.get(PARAMETER);
        if (vtr == null) {
            return Optional.of(DEFAULT);
        }
        List<Object> vectors = parse(vtr);
        return vectors.stream().filter(String.class::isInstance).map(String.class::cast)
                .map(CredentialTrustLevel::fromVectorValue).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    private static List<Object> parse(Object vtr) {
        if (vtr instanceof List<?> list) {
            return List.copyOf(list);
        }
        try {
            return vtr instanceof String text ? JSONArrayUtils.parse(text) : List.of();
        } catch (ParseException e) {
            return List.of();
        }
    }
}
