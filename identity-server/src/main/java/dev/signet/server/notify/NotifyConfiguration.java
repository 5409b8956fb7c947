package dev.signet.server.notify;

import dev.signet.core.notify.EmailSender;
import dev.signet.server.config.SignetProperties;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Email: the outbox folder by default, SMTP when {@code signet.mail.transport=smtp}. */
@Configuration(proxyBeanMethods = false)
public class NotifyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifyConfiguration.class);

    @Bean
    EmailSender emailSender(MailProperties mail, SignetProperties signet, ObjectProvider<JavaMailSender> smtp,
            Clock clock) {
        if (mail.transport() == MailProperties.Transport.SMTP) {
            JavaMailSender sender = smtp.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("signet.mail.transport is smtp but spring.mail.host is not set: set "
                        + "spring.mail.host (and spring.mail.port, spring.mail.username, spring.mail.password)");
            }
            return new SmtpEmailSender(sender, mail.from());
        }
        Path directory = mail.outboxDirectory() != null ? mail.outboxDirectory()
                : signet.dataDirectory().resolve("outbox");
        OutboxEmailSender outbox = new OutboxEmailSender(directory, mail.from(), clock);
        log.info("Email goes to the outbox folder {} (signet.mail.transport=outbox); set "
                + "signet.mail.transport=smtp and spring.mail.host to send real email", outbox.directory());
        return outbox;
    }
}
