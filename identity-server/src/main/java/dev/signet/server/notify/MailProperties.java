package dev.signet.server.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.mail.*}: how email reaches citizens (docs/credentials.md). SMTP server, port and credentials are
 * Spring Boot's own {@code spring.mail.*} settings.
 *
 * @param transport       {@code outbox} (the embedded default: each message becomes a file) or {@code smtp}
 * @param from            the From address, optionally with a display name: {@code Signet <no-reply@example.gov.uk>}
 * @param outboxDirectory where the outbox writes; unset: {@code <signet.data-directory>/outbox}
 */
@Validated
@ConfigurationProperties("signet.mail")
public record MailProperties(@NotNull Transport transport, @NotBlank String from, Path outboxDirectory) {

    public enum Transport {
        OUTBOX,
        SMTP
    }

    public MailProperties {
        if (from != null && !from.isBlank()) {
            try {
                new InternetAddress(from, true).validate();
            } catch (AddressException e) {
                throw new IllegalArgumentException("signet.mail.from must be an email address, optionally with a "
                        + "name (Signet <no-reply@example.gov.uk>), but was '" + from + "'");
            }
        }
    }
}
