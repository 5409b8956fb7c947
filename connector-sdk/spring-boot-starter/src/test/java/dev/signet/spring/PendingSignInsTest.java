package dev.signet.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.signet.client.PendingAuthorization;

/** The sign-ins in progress in one session, on their own: by state, once each, in time, and only a few. */
class PendingSignInsTest {

    static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration LIMIT = Duration.ofMinutes(10);

    final PendingSignIns signIns = new PendingSignIns();

    @Test
    void eachCallbackFindsTheSignInItsStateNamesWhateverWasStartedSince() {
        PendingAuthorization first = pending("state-1", "nonce-1");
        PendingAuthorization second = pending("state-2", "nonce-2");
        signIns.add(first, START.plus(LIMIT), START);
        signIns.add(second, START.plusSeconds(5).plus(LIMIT), START.plusSeconds(5));

        PendingSignIns.Lookup found = signIns.take("state-1", START.plusSeconds(30));

        assertThat(found).isEqualTo(new PendingSignIns.Lookup.Found(first));
        assertThat(((PendingSignIns.Lookup.Found) found).authorization().nonce()).isEqualTo("nonce-1");
        assertThat(signIns.take("state-2", START.plusSeconds(31))).isEqualTo(new PendingSignIns.Lookup.Found(second));
        assertThat(signIns.isEmpty()).isTrue();
    }

    @Test
    void aSignInIsTakenOnce() {
        signIns.add(pending("state-1", "nonce-1"), START.plus(LIMIT), START);

        assertThat(signIns.take("state-1", START)).isInstanceOf(PendingSignIns.Lookup.Found.class);
        assertThat(signIns.take("state-1", START)).isInstanceOf(PendingSignIns.Lookup.Unknown.class);
    }

    @Test
    void aSignInIsFoundUntilItsTimeIsUpAndNotAfter() {
        signIns.add(pending("state-1", "nonce-1"), START.plus(LIMIT), START);
        signIns.add(pending("state-2", "nonce-2"), START.plus(LIMIT), START);

        assertThat(signIns.take("state-1", START.plus(LIMIT).minusMillis(1)))
                .isInstanceOf(PendingSignIns.Lookup.Found.class);
        assertThat(signIns.take("state-2", START.plus(LIMIT))).isInstanceOf(PendingSignIns.Lookup.Expired.class);
        assertThat(signIns.isEmpty()).isTrue();
    }

    @Test
    void expiredSignInsAreDroppedWhenAnotherStarts() {
        signIns.add(pending("state-1", "nonce-1"), START.plus(LIMIT), START);

        signIns.add(pending("state-2", "nonce-2"), START.plus(LIMIT).plus(LIMIT), START.plus(LIMIT));

        assertThat(signIns.take("state-1", START)).isInstanceOf(PendingSignIns.Lookup.Unknown.class);
    }

    @Test
    void onlyTheMostRecentFewAreKept() {
        for (int i = 0; i <= PendingSignIns.MOST; i++) {
            signIns.add(pending("state-" + i, "nonce-" + i), START.plus(LIMIT), START);
        }

        assertThat(signIns.take("state-0", START)).isInstanceOf(PendingSignIns.Lookup.Unknown.class);
        for (int i = 1; i <= PendingSignIns.MOST; i++) {
            assertThat(signIns.take("state-" + i, START)).as("state-" + i)
                    .isInstanceOf(PendingSignIns.Lookup.Found.class);
        }
    }

    @Test
    void noStateFindsNothing() {
        signIns.add(pending("state-1", "nonce-1"), START.plus(LIMIT), START);

        assertThat(signIns.take(null, START)).isInstanceOf(PendingSignIns.Lookup.Unknown.class);
        assertThat(signIns.take("state-1", START)).isInstanceOf(PendingSignIns.Lookup.Found.class);
    }

    @Test
    void theyOutliveASessionStoreThatSerialisesThemAndDoNotShowTheirSecrets() throws Exception {
        signIns.add(pending("state-1", "nonce-1"), START.plus(LIMIT), START);

        PendingSignIns copy = serialisedAndBack(signIns);

        PendingSignIns.Lookup found = copy.take("state-1", START);
        assertThat(found).isInstanceOf(PendingSignIns.Lookup.Found.class);
        assertThat(((PendingSignIns.Lookup.Found) found).authorization().codeVerifier()).isEqualTo("verifier-state-1");
        assertThat(signIns.toString()).doesNotContain("state-1").doesNotContain("nonce-1").doesNotContain("verifier");
    }

    private static PendingAuthorization pending(String state, String nonce) {
        return new PendingAuthorization(state, nonce, "verifier-" + state, URI.create("https://fishing.example/cb"),
                List.of("Cl.Cm"), Optional.empty(), START);
    }

    private static PendingSignIns serialisedAndBack(PendingSignIns signIns) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(signIns);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (PendingSignIns) in.readObject();
        }
    }
}
