package dev.signet.connector.remote.internal;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import java.util.List;

/** Where the public keys that may have signed a message come from: a configured key set, or a JWKS URL. */
public interface VerificationKeys {

    /**
     * The keys that fit {@code header} (its {@code kid}, key type and algorithm); empty when none does.
     *
     * @throws MessageRejected when the keys cannot be had at all (a JWKS URL that does not answer)
     */
    List<JWK> candidates(JWSHeader header) throws MessageRejected;
}
