package dev.signet.spring;

import org.springframework.context.ApplicationEvent;

import dev.signet.client.SecurityEvent;
import dev.signet.client.SecurityEventToken;

/**
 * Two Signet accounts of one person were merged: the citizen you knew as {@link #previousSubject()} is now
 * {@link #subject()}; move what you hold under the old identifier. Published when a validated Security Event Token
 * arrives at the events endpoint; the source is the token.
 */
public final class SignetAccountMergedEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final String previousSubject;
    private final String subject;

    SignetAccountMergedEvent(SecurityEventToken token, SecurityEvent.AccountMerged merged) {
        super(token);
        this.previousSubject = merged.previousSubject();
        this.subject = merged.subject();
    }

    public String previousSubject() {
        return previousSubject;
    }

    public String subject() {
        return subject;
    }
}
