package dev.signet.server.factors;

import java.util.UUID;

/** How many strong factors (passkeys and second factors, not recovery codes) an account has. */
@FunctionalInterface
public interface StrongFactors {

    int count(UUID accountId);
}
