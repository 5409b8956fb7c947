package dev.signet.core.merge;

/** Why two accounts cannot be merged (now), or why a merge was refused. */
public enum MergeConflict {
    SOURCE_NOT_FOUND("There is no account with the source id."),
    TARGET_NOT_FOUND("There is no account with the target id."),
    SAME_ACCOUNT("An account cannot be merged into itself."),
    SOURCE_ALREADY_MERGED("The source account has already been merged into an account; undo that merge first."),
    TARGET_MERGED("The target account has been merged into another account: merge into that account instead."),
    SOURCE_HOLDS_MERGES("Other accounts have been merged into the source account: undo those merges first, or merge "
            + "those accounts into the target directly, so that every merge can still be undone."),
    SOURCE_CHANGED("The source account changed since it was read."),
    TARGET_CHANGED("The target account changed since it was read.");

    private final String description;

    MergeConflict(String description) {
        this.description = description;
    }

    /** What is wrong and what to do, for an operator. */
    public String description() {
        return description;
    }
}
