package dev.signet.server.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code signet.accounts.seed-file}: an optional file of accounts in Auth0's bulk user import format, created at
 * start-up when missing (docs/credentials.md). {@code classpath:...}, {@code file:...} or a plain filesystem path.
 * Unset by default.
 */
@ConfigurationProperties("signet.accounts")
public record AccountSeedProperties(String seedFile) {
}
