package dev.signet.client.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether an achieved vector of trust ({@code vot}) meets a request ({@code vtr}, RFC 8485). A vector is a set of
 * components ({@code Cl.Cm} = {@code Cl} and {@code Cm}); the request lists alternatives. {@code vot} meets the
 * request when it contains every component of at least one alternative, so a {@code Cl.Cm} sign-in meets a request
 * for {@code Cl}, and a {@code Cl} sign-in does not meet {@code Cl.Cm}.
 */
public final class VectorsOfTrust {

    /** What Signet requires when an authorization request has no {@code vtr}. */
    public static final List<String> SIGNET_DEFAULT = List.of("Cl.Cm");

    private VectorsOfTrust() {
    }

    public static boolean meets(String vot, List<String> requested) {
        Set<String> achieved = components(vot);
        return requested.stream().anyMatch(alternative -> achieved.containsAll(components(alternative)));
    }

    private static Set<String> components(String vector) {
        return new HashSet<>(Arrays.asList(vector.split("\\.")));
    }
}
