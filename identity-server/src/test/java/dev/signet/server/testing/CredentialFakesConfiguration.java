package dev.signet.server.testing;

import dev.signet.core.code.CodeCheck;
import dev.signet.core.code.CodePurpose;
import dev.signet.core.code.OneTimeCodeStore;
import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import dev.signet.core.password.PasswordCheck;
import dev.signet.core.password.PasswordHasher;
import dev.signet.core.password.PasswordPolicy;
import dev.signet.core.password.PasswordProblem;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * TEMPORARY, test only: in-memory stand-ins for the credential ports until the credentials work (real Argon2id hasher,
 * breached-password policy, code stores, SMTP/outbox senders) is on main, plus a decorator that keeps every email sent
 * (so journey tests can read their codes whichever sender is real). Delete the stand-ins when the real beans land.
 */
@Configuration(proxyBeanMethods = false)
public class CredentialFakesConfiguration {

    /** Argon2id through Spring Security; hashes with fewer iterations than the current ones report "needs rehash". */
    public static final class TestPasswordHasher implements PasswordHasher {
        private final Argon2PasswordEncoder current = new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 2);

        @Override
        public String hash(CharSequence password) {
            return current.encode(password);
        }

        @Override
        public PasswordCheck verify(CharSequence password, String storedHash) {
            if (storedHash == null || !storedHash.startsWith("$argon2")) {
                return new PasswordCheck.UnreadableHash("not an Argon2 PHC string");
            }
            if (!current.matches(password, storedHash)) {
                return new PasswordCheck.DoesNotMatch();
            }
            return new PasswordCheck.Matches(current.upgradeEncoding(storedHash));
        }
    }

    /** Codes in a map, five attempts each. */
    public static final class TestCodeStore implements OneTimeCodeStore {
        private record Issued(String code, Instant expires, int attemptsLeft) {
        }

        private final Map<String, Issued> codes = new ConcurrentHashMap<>();
        private final SecureRandom random = new SecureRandom();
        private final Clock clock = Clock.systemUTC();

        @Override
        public String issue(CodePurpose purpose, String subject, Duration timeToLive) {
            String code = String.format("%06d", random.nextInt(1_000_000));
            codes.put(purpose + "/" + subject, new Issued(code, clock.instant().plus(timeToLive), 5));
            return code;
        }

        @Override
        public CodeCheck check(CodePurpose purpose, String subject, String typedCode) {
            String key = purpose + "/" + subject;
            Issued issued = codes.get(key);
            if (issued == null || !issued.expires().isAfter(clock.instant())) {
                codes.remove(key);
                return new CodeCheck.ExpiredOrUnknown();
            }
            if (issued.code().equals(typedCode)) {
                codes.remove(key);
                return new CodeCheck.Valid();
            }
            if (issued.attemptsLeft() <= 1) {
                codes.remove(key);
                return new CodeCheck.TooManyAttempts();
            }
            codes.put(key, new Issued(issued.code(), issued.expires(), issued.attemptsLeft() - 1));
            return new CodeCheck.Wrong(issued.attemptsLeft() - 1);
        }
    }

    /** Keeps every message so tests can read their codes, then hands it to the real sender. */
    public static final class CapturingEmailSender implements EmailSender {
        private final EmailSender delegate;
        private final List<EmailMessage> sent = new CopyOnWriteArrayList<>();

        CapturingEmailSender(EmailSender delegate) {
            this.delegate = delegate;
        }

        @Override
        public void send(EmailMessage message) {
            delegate.send(message);
            sent.add(message);
        }

        public List<EmailMessage> sentTo(String to) {
            List<EmailMessage> messages = new ArrayList<>();
            sent.stream().filter(message -> message.to().equalsIgnoreCase(to)).forEach(messages::add);
            return messages;
        }
    }

    /**
     * Registers each stand-in only when no real bean of its port exists, so this class does no harm once the real
     * credential configuration is on the branch (then delete it). Runs after every configuration class is parsed.
     */
    @Bean
    static BeanDefinitionRegistryPostProcessor credentialFakes() {
        return registry -> {
            ListableBeanFactory beans = (ListableBeanFactory) registry;
            registerIfMissing(registry, beans, PasswordHasher.class, TestPasswordHasher.class);
            registerIfMissing(registry, beans, PasswordPolicy.class, TestPasswordPolicy.class);
            registerIfMissing(registry, beans, OneTimeCodeStore.class, TestCodeStore.class);
            registerIfMissing(registry, beans, EmailSender.class, DiscardingEmailSender.class);
        };
    }

    /** Every email the server sends is also kept, whichever sender delivers it, so tests can read their codes. */
    @Bean
    static BeanPostProcessor capturingEmails() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof EmailSender sender && !(bean instanceof CapturingEmailSender)
                        ? new CapturingEmailSender(sender) : bean;
            }
        };
    }

    private static void registerIfMissing(BeanDefinitionRegistry registry, ListableBeanFactory beans, Class<?> port,
            Class<?> fake) {
        if (beans.getBeanNamesForType(port, true, false).length == 0) {
            registry.registerBeanDefinition("test" + fake.getSimpleName(), new RootBeanDefinition(fake));
        }
    }

    /** Length limits and one common password, as the real policy has them. */
    public static final class TestPasswordPolicy implements PasswordPolicy {
        @Override
        public List<PasswordProblem> check(CharSequence password, String email) {
            List<PasswordProblem> problems = new ArrayList<>();
            int length = password.codePoints().toArray().length;
            if (length < 8) {
                problems.add(PasswordProblem.TOO_SHORT);
            }
            if (length > 64) {
                problems.add(PasswordProblem.TOO_LONG);
            }
            if ("password123".contentEquals(password)) {
                problems.add(PasswordProblem.COMMON_OR_BREACHED);
            }
            return problems;
        }
    }

    /** Delivers nowhere; {@link CapturingEmailSender} keeps the messages. */
    public static final class DiscardingEmailSender implements EmailSender {
        @Override
        public void send(EmailMessage message) {
        }
    }
}
