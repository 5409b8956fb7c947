package dev.signet.admin.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bulk import jobs' settings, under {@code signet.admin.imports.*}.
 *
 * @param maxFileSize  the largest file an upload may bring (a larger one is refused with 413); 100,000 Auth0 users
 *                     with hashes and metadata are about 30 MB
 * @param staleAfter   a running job whose instance has shown no sign of life for this long is marked failed (its
 *                     instance stopped); several batches' time, so a slow batch is never taken for a dead instance
 * @param pollInterval how often each instance looks for queued jobs and abandoned running ones
 */
@Validated
@ConfigurationProperties("signet.admin.imports")
public record ImportJobProperties(
        @DefaultValue("512MB") DataSize maxFileSize,
        @DefaultValue("PT5M") Duration staleAfter,
        @DefaultValue("PT10S") Duration pollInterval) {

    public ImportJobProperties {
        if (maxFileSize == null || maxFileSize.toBytes() < 1) {
            throw new IllegalArgumentException(
                    "signet.admin.imports.max-file-size must be a positive size, e.g. 512MB");
        }
        if (staleAfter == null || staleAfter.compareTo(Duration.ofSeconds(30)) < 0) {
            throw new IllegalArgumentException("signet.admin.imports.stale-after must be at least PT30S");
        }
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("signet.admin.imports.poll-interval must be a positive duration");
        }
    }
}
