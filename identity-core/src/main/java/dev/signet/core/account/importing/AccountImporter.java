package dev.signet.core.account.importing;

import dev.signet.core.account.Account;
import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.AccountStatus;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Creates accounts from an Auth0-format user file (see {@link Auth0UserFileReader}). Idempotent: a user whose email
 * (or id) already has an account is skipped, and an existing account is never changed, least of all its password.
 * Each account is one INSERT, so a failure leaves no half-written account behind.
 */
public final class AccountImporter {

    private final AccountRepository accounts;
    private final Clock clock;
    private final Auth0UserFileReader reader = new Auth0UserFileReader();

    public AccountImporter(AccountRepository accounts, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Imports every acceptable user of the file.
     *
     * @param problems told of each rejected row as it is met (for logging)
     * @throws AccountImportException when the file as a whole cannot be read; rows before the fault stay imported
     */
    public ImportReport importFrom(InputStream in, Consumer<ImportRow.Rejected> problems) {
        Objects.requireNonNull(problems, "problems");
        int[] created = {0};
        List<Integer> skipped = new ArrayList<>();
        List<ImportRow.Rejected> rejected = new ArrayList<>();
        reader.read(in, row -> {
            if (row instanceof ImportRow.Rejected bad) {
                rejected.add(bad);
                problems.accept(bad);
            } else if (row instanceof ImportRow.Accepted good) {
                if (create(good.account())) {
                    created[0]++;
                } else {
                    skipped.add(good.index());
                }
            }
        });
        return new ImportReport(created[0], List.copyOf(skipped), List.copyOf(rejected));
    }

    private boolean create(ImportedAccount imported) {
        if (accounts.findByEmail(imported.email()).isPresent() || accounts.findById(imported.id()).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        try {
            accounts.create(new Account(imported.id(), imported.email(), imported.emailVerified(),
                    imported.passwordHash(), imported.blocked() ? AccountStatus.BLOCKED : AccountStatus.ACTIVE, now,
                    now));
            return true;
        } catch (AccountRepository.DuplicateEmailException raced) {
            // Another instance seeding the same file got there first.
            return false;
        }
    }

    /**
     * @param created  accounts created
     * @param skipped  indexes of users that already had an account (left untouched)
     * @param rejected users that broke a rule, with the reason
     */
    public record ImportReport(int created, List<Integer> skipped, List<ImportRow.Rejected> rejected) {
    }
}
