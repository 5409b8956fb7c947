package dev.signet.bench.micro;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What the token endpoint spends authenticating a client before it can issue anything: a high-entropy client secret
 * checked against its stored SHA-256 hash (a fast hash, because the secret is random, not a password), and a
 * {@code private_key_jwt} assertion (RFC 7523, ES256) verified and its claims validated the way the authorization
 * server's {@code JwtClientAssertionDecoderFactory} does (issuer and subject are the client, audience names the server,
 * not expired), through {@link NimbusJwtDecoder}. The bare Nimbus signature check shows the crypto share.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClientAuthenticationBenchmark {

    private static final String CLIENT_ID = "bench-client";
    private static final String TOKEN_ENDPOINT = Tokens.ISSUER + "/oauth2/token";

    private String presentedSecret;
    private byte[] storedSecretHash;

    private String assertion;
    private NimbusJwtDecoder assertionDecoder;
    private ECDSAVerifier verifier;
    private ECDSAVerifier bouncyCastleVerifier;

    @Setup
    public void setUp() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        presentedSecret = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        storedSecretHash = sha256(presentedSecret);

        ECKey clientKey = new ECKeyGenerator(Curve.P_256).keyID("client-key").generate();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(CLIENT_ID)
                .subject(CLIENT_ID)
                .audience(TOKEN_ENDPOINT)
                .issueTime(Date.from(now))
                // Long enough to outlive any run: the benchmark measures verification, not expiry.
                .expirationTime(Date.from(now.plusSeconds(24 * 3600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(clientKey.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(clientKey));
        assertion = jwt.serialize();

        assertionDecoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(clientKey.toPublicJWK())))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        assertionDecoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<String>(JwtClaimNames.ISS, CLIENT_ID::equals),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, CLIENT_ID::equals),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience.contains(TOKEN_ENDPOINT)),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, expiry -> expiry != null),
                new JwtTimestampValidator()));
        verifier = new ECDSAVerifier(clientKey.toPublicJWK());
        bouncyCastleVerifier = new ECDSAVerifier(clientKey.toPublicJWK());
        bouncyCastleVerifier.getJCAContext().setProvider(new BouncyCastleProvider());
    }

    @Benchmark
    public boolean clientSecretSha256() throws NoSuchAlgorithmException {
        return MessageDigest.isEqual(storedSecretHash, sha256(presentedSecret));
    }

    @Benchmark
    public Jwt privateKeyJwtAssertion() {
        return assertionDecoder.decode(assertion);
    }

    @Benchmark
    public boolean privateKeyJwtSignatureOnly() throws ParseException, JOSEException {
        return SignedJWT.parse(assertion).verify(verifier);
    }

    @Benchmark
    public boolean privateKeyJwtSignatureOnlyBouncyCastle() throws ParseException, JOSEException {
        return SignedJWT.parse(assertion).verify(bouncyCastleVerifier);
    }

    private static byte[] sha256(String secret) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    }
}
