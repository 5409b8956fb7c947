package dev.signet.admin.accounts;

import dev.signet.admin.web.InvalidRequestException;

/**
 * Why an operator changes an account, as written to the audit log. Required on every change, so that the log says
 * why as well as what. It is free text read by other operators: a ticket number and a few words, not personal data.
 */
final class OperatorReason {

    static final int MAX_LENGTH = 500;

    private OperatorReason() {
    }

    static String require(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason", "Say why (for example a ticket number): it goes to the "
                    + "audit log.");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidRequestException("reason", "A reason may be at most " + MAX_LENGTH + " characters.");
        }
        return stripped;
    }
}
