package dev.signet.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a recipient's 400 answer (RFC 8935 §2.3) is recorded. */
class SecurityEventWorkerTest {

    @Test
    void theRecipientsErrorObjectIsRecordedAsErrAndDescription() {
        assertThat(SecurityEventWorker.recipientError(
                "{\"err\":\"invalid_audience\",\"description\":\"not for us\\nat all\"}"))
                .isEqualTo("invalid_audience: not for us at all");
        assertThat(SecurityEventWorker.recipientError("{\"err\":\"invalid_request\"}")).isEqualTo("invalid_request");
    }

    @Test
    void anythingElseIsSaidToBeNoErrorObject() {
        assertThat(SecurityEventWorker.recipientError("<html>Bad Request</html>"))
                .isEqualTo("HTTP 400 without an RFC 8935 error object");
        assertThat(SecurityEventWorker.recipientError("")).isEqualTo("HTTP 400 without an RFC 8935 error object");
        assertThat(SecurityEventWorker.recipientError("{\"error\":\"invalid_request\"}"))
                .isEqualTo("HTTP 400 without an RFC 8935 error object");
    }
}
