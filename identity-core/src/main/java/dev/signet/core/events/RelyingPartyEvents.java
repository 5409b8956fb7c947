package dev.signet.core.events;

import dev.signet.core.client.RelyingParty;
import dev.signet.core.client.RelyingPartyRepository;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What the rest of Signet calls when it changes who a citizen is: each relying party that was given an affected
 * {@code sub} and registered an events endpoint is sent a signed Security Event Token (RFC 8417) by push delivery
 * (RFC 8935). Call it inside the transaction that makes the change: the deliveries are queued in it, so they are sent
 * only if the change commits, and never lost if it does.
 */
public final class RelyingPartyEvents {

    private final IssuedSubjects subjects;
    private final RelyingPartyRepository relyingParties;
    private final SecurityEventOutbox outbox;

    public RelyingPartyEvents(IssuedSubjects subjects, RelyingPartyRepository relyingParties,
            SecurityEventOutbox outbox) {
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.relyingParties = Objects.requireNonNull(relyingParties, "relyingParties");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
    }

    /**
     * Account {@code fromAccountId} was merged into {@code toAccountId}: every relying party that knew the first
     * account's {@code sub} is told its old and new {@code sub}. Those relying parties then count as knowing the new
     * one (a later merge of that account tells them too). Call it before the first account is deleted, if it is.
     *
     * @return the client ids that will be told
     */
    public List<String> accountsMerged(UUID fromAccountId, UUID toAccountId) {
        AccountEvent.AccountsMerged event = new AccountEvent.AccountsMerged(fromAccountId, toAccountId);
        List<String> told = enqueue(event);
        subjects.record(toAccountId, told);
        return told;
    }

    /**
     * The legacy identity ({@code connectorId}, {@code legacySubject}) was unlinked from the account: every relying
     * party that knew the account's {@code sub} is told; the connector and legacy subject go only to relying parties
     * of the department that owns the connector.
     *
     * @return the client ids that will be told
     */
    public List<String> legacyIdentityUnlinked(UUID accountId, String connectorId, String legacySubject) {
        return enqueue(new AccountEvent.LegacyIdentityUnlinked(accountId, connectorId, legacySubject));
    }

    /**
     * The relying parties that a change to the account would tell now: those that were given its {@code sub} and
     * registered an events endpoint. For previews; the methods above choose the same way.
     */
    public List<String> relyingPartiesToTell(UUID accountId) {
        return subjects.clientsThatKnow(accountId).stream()
                .filter(clientId -> relyingParties.findByClientId(clientId)
                        .flatMap(RelyingParty::eventsUri).isPresent())
                .toList();
    }

    private List<String> enqueue(AccountEvent event) {
        List<String> told = relyingPartiesToTell(event.affectedAccountId());
        if (!told.isEmpty()) {
            outbox.enqueue(UUID.randomUUID(), event, told);
        }
        return told;
    }
}
