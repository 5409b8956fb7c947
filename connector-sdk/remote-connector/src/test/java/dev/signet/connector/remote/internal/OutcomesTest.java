package dev.signet.connector.remote.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.signet.connector.Authenticated;
import dev.signet.connector.Found;
import dev.signet.connector.InvalidCredentials;
import dev.signet.connector.LegacyIdentity;
import dev.signet.connector.NotFound;
import dev.signet.connector.Page;
import dev.signet.connector.PageRequest;
import dev.signet.connector.Unavailable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static final LegacyIdentity REMOTE_IDENTITY = new LegacyIdentity("what-the-remote-calls-itself",
            "4711", Map.of("email", "ann@example.org"), Map.of("given_name", "Ann"));

    @Test
    void outcomesSurviveTheWireAndBelongToSignetsConnector() throws MessageRejected {
        LegacyIdentity asSignetSees = new LegacyIdentity("vehicle-tax", "4711", Map.of("email", "ann@example.org"),
                Map.of("given_name", "Ann"));

        assertThat(Outcomes.readSignIn(Outcomes.write(new Authenticated(REMOTE_IDENTITY)), "vehicle-tax"))
                .isEqualTo(new Authenticated(asSignetSees));
        assertThat(Outcomes.readSignIn(Outcomes.write(new InvalidCredentials()), "vehicle-tax"))
                .isEqualTo(new InvalidCredentials());
        assertThat(Outcomes.readLookUp(Outcomes.write(new Found(REMOTE_IDENTITY)), "vehicle-tax"))
                .isEqualTo(new Found(asSignetSees));
        assertThat(Outcomes.readLookUp(Outcomes.write(new NotFound()), "vehicle-tax")).isEqualTo(new NotFound());
        PageRequest request = PageRequest.first(2);
        assertThat(Outcomes.readPage(Outcomes.write(new Page(List.of(REMOTE_IDENTITY),
                Optional.of(new PageRequest(Optional.of("4711"), 2)))), "vehicle-tax", request))
                .isEqualTo(new Page(List.of(asSignetSees), Optional.of(new PageRequest(Optional.of("4711"), 2))));
    }

    @Test
    void remoteReasonIsKeptPrintableAndShort() throws MessageRejected {
        Unavailable unavailable = (Unavailable) Outcomes.readSignIn(Map.of("outcome", "unavailable",
                "reason", "database down\nFAKE LOG LINE" + "x".repeat(500)), "vehicle-tax");

        assertThat(unavailable.reason()).startsWith("remote connector unavailable: database down FAKE LOG LINE")
                .doesNotContain("\n").hasSize(200);
    }

    @Test
    void answersOffTheSchemaAreRejected() {
        assertThatThrownBy(() -> Outcomes.readSignIn(Map.of("outcome", "found"), "c"))
                .isInstanceOf(MessageRejected.class);
        assertThatThrownBy(() -> Outcomes.readSignIn(Map.of("outcome", "authenticated",
                "identity", Map.of("subject", "")), "c")).isInstanceOf(MessageRejected.class);
        assertThatThrownBy(() -> Outcomes.readLookUp(Map.of("outcome", "found", "identity",
                Map.of("subject", "1", "verified_attributes", Map.of("age", 42))), "c"))
                .isInstanceOf(MessageRejected.class);
        assertThatThrownBy(() -> Outcomes.readLookUp(Map.of("outcome", "found", "identity",
                Map.of("subject", "1", "verified_attributes", Map.of("email", "a"),
                        "unverified_attributes", Map.of("email", "b"))), "c"))
                .isInstanceOf(MessageRejected.class);
        assertThatThrownBy(() -> Outcomes.readPage(Map.of("outcome", "page", "identities",
                List.of(Map.of("subject", "1"), Map.of("subject", "2"))), "c", PageRequest.first(1)))
                .isInstanceOf(MessageRejected.class).hasMessageContaining("larger than the size asked");
        assertThatThrownBy(() -> Outcomes.readPage(Map.of("outcome", "page", "identities", List.of(),
                "next_cursor", "x".repeat(2000)), "c", PageRequest.first(1)))
                .isInstanceOf(MessageRejected.class);
    }
}
