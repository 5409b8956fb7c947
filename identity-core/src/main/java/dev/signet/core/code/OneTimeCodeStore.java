package dev.signet.core.code;

import java.time.Duration;

/**
 * Short-lived one-time codes sent to citizens (email verification, password reset). Only a keyed hash of each code is
 * stored. Adapters: in-memory (embedded default) and Redis (several instances).
 */
public interface OneTimeCodeStore {

    /**
     * Issues a fresh code for the subject (for example an email address in canonical form), replacing any earlier code
     * for the same purpose and subject.
     *
     * @return the code to send to the citizen
     */
    String issue(CodePurpose purpose, String subject, Duration timeToLive);

    /** Checks a typed code; a valid code is consumed, and too many wrong attempts withdraw it. */
    CodeCheck check(CodePurpose purpose, String subject, String typedCode);
}
