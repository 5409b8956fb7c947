package dev.signet.bench.micro;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
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

/**
 * The signature that dominates a token grant, through Nimbus's signers as Spring's {@code NimbusJwtEncoder} uses them,
 * with the signing provider chosen: the JDK's (SunEC / SunRsaSign, what the server uses unless told otherwise) or
 * BouncyCastle's. Each operation builds, signs and serialises one access-token-sized JWT. {@code ES256-BC-KEY} is
 * BouncyCastle given the private key as an object of its own class (decoded from PKCS #8), as the server signs: given
 * the JDK's key object ({@code ES256-BC}) it rebuilds the curve's precomputed table at every signature.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenSigningBenchmark {

    @Param({"ES256-JDK", "ES256-BC", "ES256-BC-KEY", "RS256-JDK", "RS256-BC"})
    public String signer;

    private JWSSigner jwsSigner;
    private JWSHeader header;
    private JWTClaimsSet claims;

    @Setup
    public void setUp() throws JOSEException, GeneralSecurityException {
        boolean bouncyCastle = signer.contains("-BC");
        if (signer.startsWith("ES256")) {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-es256").generate();
            jwsSigner = signer.endsWith("-KEY")
                    ? new ECDSASigner(KeyFactory.getInstance("EC", new BouncyCastleProvider()).generatePrivate(
                            new PKCS8EncodedKeySpec(key.toECPrivateKey().getEncoded())), Curve.P_256)
                    : new ECDSASigner(key);
            header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        } else {
            RSAKey key = new RSAKeyGenerator(2048).keyID("bench-rs256").generate();
            jwsSigner = new RSASSASigner(key);
            header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        }
        if (bouncyCastle) {
            jwsSigner.getJCAContext().setProvider(new BouncyCastleProvider());
        }
        claims = Tokens.accessTokenClaims();
    }

    @Benchmark
    public String signAccessToken() throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(jwsSigner);
        return jwt.serialize();
    }
}
