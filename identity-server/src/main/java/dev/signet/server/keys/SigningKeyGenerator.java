package dev.signet.server.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.signet.core.keys.KeyEncryption;
import dev.signet.core.keys.KeySchedule.PlannedKey;
import dev.signet.core.keys.SigningAlgorithm;
import dev.signet.core.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Makes the key a {@link PlannedKey} asks for: a fresh key pair with a random kid, its private part sealed. */
final class SigningKeyGenerator {

    private final KeyEncryption encryption;
    private final SecureRandom random;

    SigningKeyGenerator(KeyEncryption encryption, SecureRandom random) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.random = Objects.requireNonNull(random, "random");
    }

    SigningKey generate(PlannedKey plan) {
        String kid = newKid(plan.algorithm());
        JWK jwk = keyPair(plan.algorithm(), kid);
        byte[] sealed = encryption.seal(kid, jwk.toJSONString().getBytes(StandardCharsets.UTF_8));
        return new SigningKey(kid, plan.algorithm(), jwk.toPublicJWK().toJSONString(), sealed, plan.createdAt(),
                plan.activatesAt(), plan.retiresAt(), plan.expiresAt());
    }

    private String newKid(SigningAlgorithm algorithm) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return algorithm.name().toLowerCase() + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private JWK keyPair(SigningAlgorithm algorithm, String kid) {
        try {
            return switch (algorithm) {
                case ES256 -> new ECKeyGenerator(Curve.P_256).keyID(kid).algorithm(JWSAlgorithm.ES256)
                        .keyUse(KeyUse.SIGNATURE).secureRandom(random).generate();
                case RS256 -> new RSAKeyGenerator(2048).keyID(kid).algorithm(JWSAlgorithm.RS256)
                        .keyUse(KeyUse.SIGNATURE).secureRandom(random).generate();
            };
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a " + algorithm + " key pair", e);
        }
    }
}
