package dev.signet.server.account;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** Dates and times on the account page as GOV.UK writes them ("1 March 2026 at 9:15am"), UK time. */
final class AccountTimes {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private AccountTimes() {
    }

    static String dateAndTime(Instant at, MessageSource messages, Locale locale) {
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(UK).format(at);
        String time = DateTimeFormatter.ofPattern("h:mma", Locale.UK).withZone(UK).format(at).toLowerCase(Locale.ROOT);
        return messages.getMessage("sessions.at", new Object[] {date, time}, locale);
    }
}
