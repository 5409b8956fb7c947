package dev.signet.spring;

import java.util.Optional;

import org.springframework.context.ApplicationEvent;

import dev.signet.client.SecurityEvent;
import dev.signet.client.SecurityEventToken;

/**
 * Signet unlinked one of the citizen's old departmental accounts from their account: stop relating your old record
 * to them. Published when a validated Security Event Token arrives at the events endpoint; the source is the token.
 */
public final class SignetLegacyIdentityUnlinkedEvent extends ApplicationEvent {

    private static final long serialVersionUID = 1L;

    private final transient SecurityEvent.LegacyIdentityUnlinked event;

    SignetLegacyIdentityUnlinkedEvent(SecurityEventToken token, SecurityEvent.LegacyIdentityUnlinked event) {
        super(token);
        this.event = event;
    }

    /** The citizen, as your service knows them. */
    public String subject() {
        return event.subject();
    }

    /** Their identifier in the legacy system, when Signet says. */
    public Optional<String> legacySubject() {
        return event.legacySubject();
    }

    /** The legacy system (connector id), when Signet says. */
    public Optional<String> connector() {
        return event.connector();
    }
}
