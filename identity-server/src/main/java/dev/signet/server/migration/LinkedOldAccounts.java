package dev.signet.server.migration;

import dev.signet.core.links.LinkedIdentityRepository;
import dev.signet.server.federation.ConnectorRegistry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * "Your old accounts" on the account page: the legacy identities linked to the account, oldest first, each named by
 * its old system (in the page's language) with the day it was linked. The legacy subject is never shown: it is
 * personal data the citizen does not need (a customer number, a National Insurance number) and could be read over a
 * shoulder; the old system's name is enough to recognise the account.
 */
@Component
public class LinkedOldAccounts {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /**
     * One linked old account.
     *
     * @param name      the old system's display name (also while disabled); its connector id when it is no longer
     *                  declared
     * @param available false when the connector was removed or disabled since the link was made
     * @param linkedOn  the day of the link, as GOV.UK writes dates ("1 March 2026"), UK time
     */
    public record Row(String name, boolean available, String linkedOn) {
    }

    /**
     * The section's content.
     *
     * @param rows       the linked old accounts
     * @param canLinkMore whether any old system can be signed in with, so "Link another old account" is offered
     */
    public record Section(List<Row> rows, boolean canLinkMore) {
    }

    private final LinkedIdentityRepository links;
    private final ConnectorRegistry registry;
    private final ConnectorChoices choices;

    LinkedOldAccounts(LinkedIdentityRepository links, ConnectorRegistry registry, ConnectorChoices choices) {
        this.links = Objects.requireNonNull(links, "links");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.choices = Objects.requireNonNull(choices, "choices");
    }

    public Section section(UUID accountId, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(UK);
        List<Row> rows = links.findByAccount(accountId).stream().map(link -> registry.instance(link.connectorId())
                .map(instance -> new Row(instance.displayName(locale.getLanguage()),
                        registry.find(link.connectorId()).isPresent(), day.format(link.linkedAt())))
                .orElseGet(() -> new Row(link.connectorId(), false, day.format(link.linkedAt())))).toList();
        return new Section(rows, choices.offered());
    }
}
