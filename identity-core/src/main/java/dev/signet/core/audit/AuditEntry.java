package dev.signet.core.audit;

import java.util.Objects;

/**
 * An event as written to the log: its place in the chain, the hash of the entry before it and its own hash
 * ({@link AuditChain} says exactly how that hash is computed).
 *
 * @param seq      position in the log, from 1, without gaps
 * @param event    what was recorded
 * @param prevHash hash of entry {@code seq - 1} ({@link AuditChain#GENESIS} for the first entry), lower-case hex
 * @param hash     SHA-256 of this entry's canonical encoding, lower-case hex
 */
public record AuditEntry(long seq, AuditEvent event, String prevHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(prevHash, "prevHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
    }

    /** Whether the stored hash is the hash of this entry's content and link. */
    public boolean hashMatchesContent() {
        return AuditChain.hash(seq, event, prevHash).equals(hash);
    }
}
