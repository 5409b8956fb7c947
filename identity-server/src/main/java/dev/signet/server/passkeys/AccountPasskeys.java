package dev.signet.server.passkeys;

import dev.signet.core.passkey.Passkey;
import dev.signet.core.passkey.PasskeyRepository;
import dev.signet.server.account.RecentAuthentication;
import dev.signet.server.signin.CitizenAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What the account page shows about passkeys: the list, and the banner after a change. */
@Component
public class AccountPasskeys {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final PasskeyRepository passkeys;
    private final RecentAuthentication recentAuthentication;

    AccountPasskeys(PasskeyRepository passkeys, RecentAuthentication recentAuthentication) {
        this.passkeys = Objects.requireNonNull(passkeys, "passkeys");
        this.recentAuthentication = Objects.requireNonNull(recentAuthentication, "recentAuthentication");
    }

    /** One passkey as a row of the account page (dates already in the page's language). */
    public record Row(String credentialId, String label, String created, Optional<String> lastUsed) {
    }

    /**
     * The account page's passkeys section.
     *
     * @param canAddNow whether the citizen's sign-in is strong and recent enough to add a passkey; otherwise the page
     *                  links to {@link PasskeyPagesController#ADD_PAGE}, which asks for that first
     */
    public record Section(List<Row> passkeys, Optional<PasskeyNotices.Notice> notice, boolean canAddNow) {
    }

    /** The account's passkeys, and the pending banner (shown once). */
    public Section section(CitizenAuthentication citizen, HttpServletRequest request, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(UK);
        List<Row> rows = passkeys.findByAccount(citizen.accountId()).stream()
                .map(passkey -> row(passkey, dates)).toList();
        return new Section(rows, PasskeyNotices.take(request), recentAuthentication.satisfied(citizen, request));
    }

    private static Row row(Passkey passkey, DateTimeFormatter dates) {
        return new Row(passkey.credentialId(), passkey.label(), format(passkey.createdAt(), dates),
                passkey.lastUsedAt().map(at -> format(at, dates)));
    }

    private static String format(Instant at, DateTimeFormatter dates) {
        return dates.format(at);
    }
}
