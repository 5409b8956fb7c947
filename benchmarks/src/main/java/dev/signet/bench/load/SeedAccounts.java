package dev.signet.bench.load;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.signet.bench.micro.Argon2idPhc;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the accounts the sign-in flow uses as a seed file for {@code signet.accounts.seed-file}, in Auth0's bulk user
 * import schema: verified email addresses from the driver's {@code --user-email} pattern, all with one password, each
 * hashed with Argon2id (its own salt) and stored as a PHC string. Use the server's own Argon2 parameters, so that
 * the first sign-in of each account does not also upgrade its hash.
 *
 * <pre>java -cp benchmarks.jar dev.signet.bench.load.SeedAccounts FILE COUNT [EMAIL-PATTERN] [t=2,m=19456,p=1]</pre>
 * The password is read from the environment variable {@code SIGNET_BENCH_PASSWORD}, so it stays out of process lists.
 */
public final class SeedAccounts {

    private SeedAccounts() {
    }

    public static void main(String[] args) throws IOException {
        String password = System.getenv("SIGNET_BENCH_PASSWORD");
        if (args.length < 2 || password == null || password.isEmpty()) {
            System.err.println("usage: SIGNET_BENCH_PASSWORD=... java -cp benchmarks.jar "
                    + "dev.signet.bench.load.SeedAccounts FILE COUNT [EMAIL-PATTERN] [t=2,m=19456,p=1]");
            System.exit(2);
        }
        Users users = new Users(args.length > 2 ? args[2] : "bench-user-%d@example.test", Integer.parseInt(args[1]),
                password);
        String parameters = args.length > 3 ? args[3] : "t=2,m=19456,p=1";
        write(Path.of(args[0]), users, parameters);
    }

    static void write(Path file, Users users, String argon2Parameters) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < users.count(); i++) {
                Map<String, Object> account = new LinkedHashMap<>();
                account.put("email", users.email(i));
                account.put("email_verified", true);
                account.put("custom_password_hash", Map.of(
                        "algorithm", "argon2",
                        "hash", Map.of("value", Argon2idPhc.hash(users.password(), argon2Parameters))));
                out.write("  " + JSONObjectUtils.toJSONString(account) + (i + 1 < users.count() ? ",\n" : "\n"));
            }
            out.write("]\n");
        }
    }
}
