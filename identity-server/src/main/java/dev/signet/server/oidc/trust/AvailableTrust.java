package dev.signet.server.oidc.trust;

import dev.signet.server.signin.CredentialTrustLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The strongest credential trust Signet can establish today. Password sign-in is the only way in until second factors
 * and passkeys arrive (the strong-authentication issue), so this is {@code Cl}; that feature raises it to
 * {@code Cl.Cm}, and every rule here (refusing {@code Cl.Cm} requests, the trustmark) follows.
 */
public record AvailableTrust(CredentialTrustLevel strongest) {

    public AvailableTrust {
        Objects.requireNonNull(strongest, "strongest");
    }

    /** The vectors Signet can assert, weakest first. */
    List<String> assertableVectors() {
        return Arrays.stream(CredentialTrustLevel.values()).filter(strongest::satisfies)
                .map(CredentialTrustLevel::vectorValue).toList();
    }
}
