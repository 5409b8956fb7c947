package dev.signet.bench.load;

import java.util.Objects;

/**
 * The accounts the sign-in flow uses: {@code count} accounts whose email addresses follow {@code emailPattern}
 * (a {@link String#format} pattern with one {@code %d}, numbered from 1), all with the same password, as written by
 * {@link SeedAccounts}.
 */
record Users(String emailPattern, int count, String password) {

    Users {
        Objects.requireNonNull(emailPattern, "emailPattern");
        if (count < 1) {
            throw new IllegalArgumentException("--users must be at least 1");
        }
        if (!emailPattern.contains("%d")) {
            throw new IllegalArgumentException("--user-email must contain %d, e.g. bench-user-%d@example.test");
        }
    }

    String email(long index) {
        return String.format(emailPattern, Math.floorMod(index, count) + 1);
    }
}
