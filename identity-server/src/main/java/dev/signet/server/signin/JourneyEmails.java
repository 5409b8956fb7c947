package dev.signet.server.signin;

import dev.signet.core.notify.EmailMessage;
import dev.signet.core.notify.EmailSender;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The plain-text emails the journeys send, in the language of the page the citizen was on. Each says what to do when
 * the citizen did not ask for it. Texts are message keys {@code email.<kind>.subject} and {@code email.<kind>.body}.
 * <p>
 * Messages are handed to the {@link EmailSender} off the request thread, in order: otherwise the time an SMTP
 * delivery takes would tell an onlooker whether an address has an account (a reset code is sent only when it has).
 */
@Component
public class JourneyEmails implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JourneyEmails.class);

    private final EmailSender sender;
    private final MessageSource messages;
    private final ThreadPoolExecutor delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), runnable -> {
                Thread thread = new Thread(runnable, "signet-journey-email");
                thread.setDaemon(true);
                return thread;
            });

    public JourneyEmails(EmailSender sender, MessageSource messages) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The code that proves the citizen controls the address they are creating an account with. */
    public void sendSignUpCode(String to, String code, Duration lifetime, Locale locale) {
        send("signUpCode", to, locale, code, minutes(lifetime));
    }

    /** Sent instead of a sign-up code when the address already has an account: the page never says so. */
    public void sendAlreadyHaveAccount(String to, Locale locale) {
        send("alreadyHaveAccount", to, locale);
    }

    public void sendPasswordResetCode(String to, String code, Duration lifetime, Locale locale) {
        send("resetCode", to, locale, code, minutes(lifetime));
    }

    public void sendPasswordChanged(String to, Locale locale) {
        send("passwordChanged", to, locale);
    }

    /** The code that proves the citizen controls the address they are moving their account to. */
    public void sendEmailChangeCode(String to, String code, Duration lifetime, Locale locale) {
        send("emailChangeCode", to, locale, code, minutes(lifetime));
    }

    /** To the old address once the account has moved, naming the new one so an owner who did not ask can act. */
    public void sendEmailChanged(String oldAddress, String newAddress, Locale locale) {
        send("emailChanged", oldAddress, locale, newAddress);
    }

    public void sendAccountDeleted(String to, Locale locale) {
        send("accountDeleted", to, locale);
    }

    /**
     * Confirms that an old account ({@code oldSystemName}, as citizens know it) is now linked to the Signet account
     * (texts in {@code messages/migration}).
     */
    public void sendOldAccountLinked(String to, String oldSystemName, Locale locale) {
        send("oldAccountLinked", to, locale, oldSystemName);
    }

    /** The code that proves the citizen controls the address of the account their old account is joining. */
    public void sendOldAccountCode(String to, String code, Duration lifetime, Locale locale) {
        send("oldAccountCode", to, locale, code, minutes(lifetime));
    }

    /** The code that proves control of an account (one without a password) the citizen is joining to theirs. */
    public void sendAccountJoinCode(String to, String code, Duration lifetime, Locale locale) {
        send("accountJoinCode", to, locale, code, minutes(lifetime));
    }

    /**
     * To the account kept after a citizen joined two accounts: {@code otherAccount} names the joined one, masked
     * (texts in {@code messages/migration}).
     */
    public void sendAccountsJoined(String to, String otherAccount, Locale locale) {
        send("accountsJoined", to, locale, otherAccount);
    }

    /** To the account joined into another: it no longer signs in; {@code keptAccount}, masked, is the one to use. */
    public void sendAccountJoinedAway(String to, String keptAccount, Locale locale) {
        send("accountJoinedAway", to, locale, keptAccount);
    }

    /**
     * The citizen signed out of their other sessions from the account page (texts in {@code messages/sessions}):
     * an owner who did not do it learns that someone else is in their account.
     */
    public void sendSessionsEnded(String to, int sessionsEnded, Locale locale) {
        send("sessionsEnded", to, locale, sessionsEnded);
    }

    /**
     * Tells the owner that sign-in to their account is locked after repeated wrong passwords, for how long, and what
     * to do if it was not them (texts in {@code messages/protection}).
     */
    public void sendSignInLocked(String to, Duration lockedFor, Locale locale) {
        long minutes = Math.max(1, (lockedFor.toSeconds() + 59) / 60);
        send("signInLocked", to, locale, minutes);
    }

    /**
     * That a way of signing in was added to or removed from the account ({@code secondFactorAdded},
     * {@code secondFactorRemoved}, {@code recoveryCodesReplaced}, {@code passkeyAdded}, {@code passkeyRemoved}), so
     * an owner who did not do it can act. {@code what} names the factor: a passkey's name, or a
     * {@link org.springframework.context.MessageSourceResolvable} the message source puts in the page's language.
     */
    public void sendSignInMethodChanged(String kind, String to, Locale locale, Object... what) {
        send(kind, to, locale, what);
    }

    /** A code's lifetime as the texts say it, in whole minutes ({1} of the code emails). */
    private static long minutes(Duration lifetime) {
        return lifetime.toMinutes();
    }

    private void send(String kind, String to, Locale locale, Object... arguments) {
        String subject = messages.getMessage("email." + kind + ".subject", null, locale);
        String body = messages.getMessage("email." + kind + ".body", arguments, locale);
        EmailMessage message = new EmailMessage(to, subject, body);
        try {
            delivery.execute(() -> deliver(kind, message));
        } catch (RejectedExecutionException full) {
            log.warn("Email queue full: a {} email was not sent", kind);
        }
    }

    private void deliver(String kind, EmailMessage message) {
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            // Never the body or the address: the body may hold a one-time code.
            log.warn("Could not send a {} email: {}", kind, e.toString());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        delivery.shutdown();
        delivery.awaitTermination(10, TimeUnit.SECONDS);
    }
}
