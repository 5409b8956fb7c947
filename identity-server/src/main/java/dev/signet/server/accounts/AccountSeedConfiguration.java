package dev.signet.server.accounts;

import dev.signet.core.account.AccountRepository;
import dev.signet.core.account.importing.AccountImportException;
import dev.signet.core.account.importing.AccountImporter;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Seeds accounts from {@code signet.accounts.seed-file} while the server starts, after the database migrations and
 * before the first request. Existing accounts are skipped and never changed; each rejected user is logged with its
 * index and reason (never its hash). A file that cannot be read at all stops the server, naming the setting.
 */
@Configuration(proxyBeanMethods = false)
class AccountSeedConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AccountSeedConfiguration.class);

    /** The outcome of seeding, empty when no seed file is configured. */
    record SeededAccounts(Optional<AccountImporter.ImportReport> report) {
    }

    @Bean
    @DependsOnDatabaseInitialization
    SeededAccounts seededAccounts(AccountSeedProperties properties, ResourceLoader resourceLoader,
            AccountRepository accounts, Clock clock) {
        String location = properties.seedFile();
        if (location == null || location.isBlank()) {
            return new SeededAccounts(Optional.empty());
        }
        Resource file = location.startsWith("classpath:") || location.startsWith("file:")
                ? resourceLoader.getResource(location) : new FileSystemResource(location);
        AccountImporter importer = new AccountImporter(accounts, clock);
        AccountImporter.ImportReport report;
        try (InputStream in = file.getInputStream()) {
            report = importer.importFrom(in, rejected -> log.warn("Seed file {}: user {} not imported: {}", location,
                    rejected.index(), rejected.reason()));
        } catch (IOException e) {
            throw new IllegalStateException("signet.accounts.seed-file: cannot read " + location + " ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (AccountImportException e) {
            throw new IllegalStateException("signet.accounts.seed-file: " + location + ": " + e.getMessage(), e);
        }
        log.info("Seed file {}: {} accounts created, {} already existed (left unchanged), {} rejected", location,
                report.created(), report.skipped().size(), report.rejected().size());
        return new SeededAccounts(Optional.of(report));
    }
}
