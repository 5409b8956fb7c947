package dev.signet.server.factors;

import java.util.List;
import java.util.UUID;

/** The services a citizen has signed in to that declare they require a second factor ({@code requires-vtr}). */
@FunctionalInterface
public interface ServicesRequiringSecondFactor {

    /** Their names as citizens see them, each once, in a stable order; empty when there are none. */
    List<String> signedInTo(UUID accountId);
}
