package dev.signet.core.audit;

/** The result of checking every link of the audit log. */
public sealed interface ChainVerification {

    /**
     * Every entry's hash matches its content, each links to the one before, no entry is missing and the chain head
     * (the last entry's seq and hash, kept separately) matches the last entry.
     *
     * @param entries  how many entries were checked
     * @param headHash hash of the last entry ({@link AuditChain#GENESIS} when the log is empty): an auditor who keeps
     *                 it can later prove that nothing before it changed
     */
    record Intact(long entries, String headHash) implements ChainVerification {
    }

    /**
     * The first place where the chain does not hold.
     *
     * @param seq    the first entry that fails (for a missing tail: the seq the head names)
     * @param reason what is wrong, in words
     */
    record Broken(long seq, String reason) implements ChainVerification {
    }
}
