package dev.signet.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.signet.core.keys.KeyEncryption;
import dev.signet.core.keys.KeySchedule;
import dev.signet.core.keys.inmemory.InMemorySigningKeyRepository;
import dev.signet.core.replay.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class SigningKeyJwtEncoderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private SigningKeyCache cache;
    private SigningKeyJwtEncoder encoder;

    @BeforeEach
    void keys() {
        var repository = new InMemorySigningKeyRepository();
        var schedule = new KeySchedule(Duration.ofDays(30), Duration.ofDays(1));
        var encryption = new KeyEncryption(new byte[32], new SecureRandom());
        new KeyRotation(repository, schedule, new SigningKeyGenerator(encryption, new SecureRandom()), clock).rotate();
        cache = new SigningKeyCache(repository, encryption, schedule, new BouncyCastleProvider(), clock);
        cache.refresh();
        encoder = new SigningKeyJwtEncoder(cache);
    }

    private static JwtClaimsSet claims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer("https://signet.example").subject("someone").audience(List.of("rp"))
                .issuedAt(now).expiresAt(now.plusSeconds(300)).claim("auth_time", now).build();
    }

    /** Verified the way a relying party does: with the published JWKS only. */
    private Jwt verify(String token, SignatureAlgorithm algorithm) {
        JWKSet published = new JWKSet(new SigningKeyJwkSource(cache).get(new JWKSelector(new JWKMatcher.Builder()
                .build()), null));
        assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
        return decoder(published, algorithm).decode(token);
    }

    private static NimbusJwtDecoder decoder(JWKSet published, SignatureAlgorithm algorithm) {
        return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(published))
                .jwsAlgorithm(algorithm).build();
    }

    @Test
    void es256TokenCarriesTheActiveKidAndVerifiesAgainstJwks() {
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256).build(), claims()));

        Jwt verified = verify(jwt.getTokenValue(), SignatureAlgorithm.ES256);
        assertThat(verified.getHeaders()).containsEntry("alg", JWSAlgorithm.ES256.getName())
                .containsEntry("kid", cache.signingKey(dev.signet.core.keys.SigningAlgorithm.ES256).orElseThrow()
                        .stored().kid());
        assertThat(verified.getSubject()).isEqualTo("someone");
        assertThat(verified.getAudience()).containsExactly("rp");
        assertThat(verified.getClaimAsInstant("auth_time")).isNotNull();
    }

    @Test
    void rs256TokenVerifiesAgainstJwksWithTheRsaKey() throws Exception {
        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("logout+jwt")
                .build(), claims()));

        SignedJWT signed = SignedJWT.parse(jwt.getTokenValue());
        String kid = cache.signingKey(dev.signet.core.keys.SigningAlgorithm.RS256).orElseThrow().stored().kid();
        assertThat(signed.getHeader().getKeyID()).isEqualTo(kid);
        assertThat(signed.getHeader().getType().getType()).isEqualTo("logout+jwt");
        assertThat(signed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        RSAKey published = (RSAKey) new JWKSet(new SigningKeyJwkSource(cache).get(new JWKSelector(new JWKMatcher
                .Builder().build()), null)).getKeyByKeyId(kid);
        assertThat(signed.verify(new RSASSAVerifier(published))).isTrue();
    }

    @Test
    void anotherAlgorithmIsRefused() {
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES384)
                .build(), claims()))).isInstanceOf(JwtEncodingException.class).hasMessageContaining("ES384");
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256)
                .build(), claims()))).isInstanceOf(JwtEncodingException.class);
    }

    @Test
    void headerParametersNamingOtherKeysAreRefused() {
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.ES256)
                .jwkSetUrl("https://attacker.example/jwks").build(), claims())))
                .isInstanceOf(JwtEncodingException.class).hasMessageContaining("jku");
    }
}
