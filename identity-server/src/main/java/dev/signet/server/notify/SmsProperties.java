package dev.signet.server.notify;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code signet.sms.*}: how text messages reach citizens' phones (docs/second-factors.md).
 *
 * @param transport       {@code outbox} (the embedded default: each text becomes a file) or {@code custom} (an
 *                        {@link dev.signet.core.notify.SmsSender} bean supplied by a plug-in for a real SMS gateway)
 * @param outboxDirectory where the outbox writes; unset: {@code <signet.data-directory>/outbox}, next to the email
 */
@Validated
@ConfigurationProperties("signet.sms")
public record SmsProperties(@NotNull Transport transport, Path outboxDirectory) {

    public enum Transport {
        OUTBOX,
        CUSTOM
    }
}
