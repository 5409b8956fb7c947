package dev.signet.server.oidc.trust;

import dev.signet.server.signin.CredentialTrustLevel;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The strongest credential trust Signet can establish: {@code Cl.Cm} since second factors exist
 * (dev.signet.server.mfa). Every rule here (refusing vectors above it, the trustmark) follows from it.
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
