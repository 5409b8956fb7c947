package dev.signet.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import dev.signet.server.config.SignetProperties;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Signet's mail wiring with Spring Boot's own mail auto-configuration, against a real GreenMail SMTP server. */
class SmtpEmailSenderIT {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({MailProperties.class, SignetProperties.class})
    static class Base {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
            .withUserConfiguration(Base.class, NotifyConfiguration.class)
            .withPropertyValues("signet.issuer=http://localhost:8080", "signet.data-directory=target/smtp-it",
                    "signet.mail.from=Signet <no-reply@signet.test>");

    @Test
    void smtpTransportDeliversAPlainTextUtf8MessageThroughTheSmtpServer() {
        context.withPropertyValues("signet.mail.transport=smtp", "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + smtp.getSmtp().getPort()).run(started -> {
                    EmailSender sender = started.getBean(EmailSender.class);
                    assertThat(sender).isInstanceOf(SmtpEmailSender.class);

                    sender.send(new EmailMessage("dafydd@example.gov.uk", "Eich cod diogelwch",
                            "Eich cod yw 042917. Mae'n dod i ben ymhen 15 munud. Diolch yn fawr — ŵ ŷ"));

                    assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
                    MimeMessage received = smtp.getReceivedMessages()[0];
                    assertThat(received.getSubject()).isEqualTo("Eich cod diogelwch");
                    assertThat(received.getFrom()[0].toString()).isEqualTo("Signet <no-reply@signet.test>");
                    assertThat(received.getAllRecipients()[0].toString()).isEqualTo("dafydd@example.gov.uk");
                    assertThat(received.getContentType()).contains("text/plain").containsIgnoringCase("utf-8");
                    assertThat(((String) received.getContent()).strip())
                            .isEqualTo("Eich cod yw 042917. Mae'n dod i ben ymhen 15 munud. Diolch yn fawr — ŵ ŷ");
                });
    }

    @Test
    void smtpFailureIsRaisedToTheCaller() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        context.withPropertyValues("signet.mail.transport=smtp", "spring.mail.host=127.0.0.1",
                "spring.mail.port=" + closedPort).run(started -> assertThatThrownBy(() ->
                        started.getBean(EmailSender.class).send(new EmailMessage("ada@example.gov.uk", "Code",
                                "Your code is 123456")))
                        .isInstanceOf(SmtpEmailSender.EmailNotSentException.class)
                        .hasMessageNotContaining("123456"));
    }

    @Test
    void smtpTransportWithoutAnSmtpHostStopsStartUpNamingTheSetting() {
        context.withPropertyValues("signet.mail.transport=smtp").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("spring.mail.host"));
    }

    @Test
    void outboxIsTheDefault() {
        context.withPropertyValues("signet.mail.transport=outbox").run(started ->
                assertThat(started.getBean(EmailSender.class)).isInstanceOf(OutboxEmailSender.class));
    }

    @Test
    void aWrongFromAddressStopsStartUpNamingTheSetting() {
        context.withPropertyValues("signet.mail.transport=outbox", "signet.mail.from=not an address <").run(started ->
                assertThat(started).getFailure().rootCause().hasMessageContaining("signet.mail.from"));
    }
}
