package dev.signet.core.notify;

import java.util.Objects;

/**
 * A text message (SMS) to a citizen's phone.
 *
 * @param to   the phone number in E.164 form, e.g. {@code +447700900123}
 * @param body the text; may hold a one-time code, so it is never logged
 */
public record TextMessage(String to, String body) {

    public TextMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }

    /** Never prints the body. */
    @Override
    public String toString() {
        return "TextMessage[to=" + to + "]";
    }
}
