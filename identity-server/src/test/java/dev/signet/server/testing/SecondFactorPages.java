package dev.signet.server.testing;

import dev.signet.core.mfa.totp.Totp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What tests read from the second-factor pages, and the codes they type into them. */
public final class SecondFactorPages {

    private static final Pattern RECOVERY_CODE = Pattern.compile("<code[^>]*>([0-9a-z]{5}-[0-9a-z]{5})</code>");

    private SecondFactorPages() {
    }

    /** The recovery codes a "Save your recovery codes" page shows. */
    public static List<String> recoveryCodes(String body) {
        Matcher matcher = RECOVERY_CODE.matcher(body);
        List<String> codes = new ArrayList<>();
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    /** A 6-digit code the authenticator app with this secret would not show now, nor a minute either side. */
    public static String wrongCode(byte[] secret) {
        long now = Totp.step(Instant.now());
        List<String> valid = new ArrayList<>();
        for (long step = now - 2; step <= now + 2; step++) {
            valid.add(Totp.code(secret, step));
        }
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
