package dev.signet.simulator.internal;

import com.nimbusds.jose.util.JSONArrayUtils;
import dev.signet.simulator.SimulatorSettings;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/** Signet's two vectors of trust (docs/claims-and-trust.md): {@code Cl.Cm} meets a request for {@code Cl}, not back. */
final class VectorsOfTrust {

    static final List<String> SIGNET_DEFAULT = List.of("Cl.Cm");

    private VectorsOfTrust() {
    }

    /** The {@code vtr} parameter, a JSON array string; empty list when absent. */
    static List<String> parse(String vtr) {
        if (vtr == null) {
            return List.of();
        }
        List<Object> values;
        try {
            values = JSONArrayUtils.parse(vtr);
        } catch (ParseException e) {
            throw new IllegalArgumentException("vtr must be a JSON array of strings, such as [\"Cl.Cm\"]");
        }
        List<String> vectors = new ArrayList<>();
        for (Object value : values) {
            if (!(value instanceof String vector) || !SimulatorSettings.VECTORS.contains(vector)) {
                throw new IllegalArgumentException("vtr may hold only " + SimulatorSettings.VECTORS + ", not "
                        + value);
            }
            vectors.add(vector);
        }
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("vtr must name at least one vector");
        }
        return vectors;
    }

    static boolean meets(String achieved, List<String> requested) {
        int level = SimulatorSettings.VECTORS.indexOf(achieved);
        return requested.stream().anyMatch(vector -> level >= SimulatorSettings.VECTORS.indexOf(vector));
    }

    /** What Signet establishes for a request: no more than the weakest acceptable vector needs. */
    static String weakest(List<String> requested) {
        return requested.stream().min((a, b) -> SimulatorSettings.VECTORS.indexOf(a)
                - SimulatorSettings.VECTORS.indexOf(b)).orElseThrow();
    }
}
