package dev.signet.bench.load;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Makes a benchmark relying party's {@code private_key_jwt} key: writes the private EC P-256 JWK to FILE (readable by
 * its owner only) for the driver's {@code --client-key}, and prints the public JWK (JSON) for the relying-party file.
 *
 * <pre>java -cp benchmarks.jar dev.signet.bench.load.BenchClientKey FILE</pre>
 */
public final class BenchClientKey {

    private BenchClientKey() {
    }

    public static void main(String[] args) throws IOException, JOSEException {
        if (args.length != 1) {
            System.err.println("usage: java -cp benchmarks.jar dev.signet.bench.load.BenchClientKey FILE");
            System.exit(2);
        }
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench-key-1").keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.ES256).generate();
        Path file = Path.of(args[0]);
        Files.writeString(file, key.toJSONString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        System.out.println(key.toPublicJWK().toJSONString());
    }
}
