package dev.signet.server.notify;

import dev.signet.core.notify.SmsSender;
import dev.signet.server.config.SignetProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text messages: the outbox folder by default. With {@code signet.sms.transport=custom} Signet defines no sender and
 * uses the {@link SmsSender} bean a plug-in provides (docs/second-factors.md); start-up stops when there is none.
 */
@Configuration(proxyBeanMethods = false)
public class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "signet.sms.transport", havingValue = "outbox", matchIfMissing = true)
    SmsSender outboxSmsSender(SmsProperties sms, SignetProperties signet, Clock clock) {
        Path directory = sms.outboxDirectory() != null ? sms.outboxDirectory()
                : signet.dataDirectory().resolve("outbox");
        OutboxSmsSender outbox = new OutboxSmsSender(directory, clock);
        log.info("Text messages go to the outbox folder {} (signet.sms.transport=outbox); set "
                + "signet.sms.transport=custom and add an SmsSender for a real SMS gateway", outbox.directory());
        return outbox;
    }
}
