package dev.signet.core.account.importing;

/** What the reader made of one element of the file's array. */
public sealed interface ImportRow {

    int index();

    record Accepted(ImportedAccount account) implements ImportRow {
        @Override
        public int index() {
            return account.index();
        }
    }

    /** {@code reason} names the field and the rule; it never repeats a password hash. */
    record Rejected(int index, String reason) implements ImportRow {
    }
}
