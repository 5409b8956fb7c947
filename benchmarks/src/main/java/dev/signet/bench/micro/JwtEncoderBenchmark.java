package dev.signet.bench.micro;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A JWT access token exactly as the authorization server makes one: Spring Security's {@link NimbusJwtEncoder} over a
 * JWK source, selecting the key by algorithm, with the JDK's default providers. Compare with
 * {@link TokenSigningBenchmark} to see what the framework adds to the bare signature.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtEncoderBenchmark {

    @Param({"ES256", "RS256"})
    public String algorithm;

    private NimbusJwtEncoder encoder;
    private SignatureAlgorithm signatureAlgorithm;

    @Setup
    public void setUp() throws JOSEException {
        JWK key = "ES256".equals(algorithm)
                ? new ECKeyGenerator(Curve.P_256).keyID("bench-es256").generate()
                : new RSAKeyGenerator(2048).keyID("bench-rs256").generate();
        encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        signatureAlgorithm = SignatureAlgorithm.from(algorithm);
    }

    @Benchmark
    public Jwt encodeAccessToken() {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(Tokens.ISSUER)
                .subject("3f0c9a4e-6d2b-4c1e-9f7a-2b8d5e1c7a90")
                .audience(List.of("bench-client"))
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plusSeconds(300))
                .id(UUID.randomUUID().toString())
                .claim("client_id", "bench-client")
                .claim("scope", List.of("openid", "email"))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(signatureAlgorithm).build(), claims));
    }
}
