package dev.signet.server.account;

import dev.signet.core.serviceuse.ServiceUseRepository;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the account page shows about the services the citizen has signed in to, by their display names, most
 * recently used first (one query; a service no longer registered is left out).
 */
@Component
class AccountServices {

    private final ServiceUseRepository services;
    private final MessageSource messages;

    AccountServices(ServiceUseRepository services, MessageSource messages) {
        this.services = Objects.requireNonNull(services, "services");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** One service as a row of the account page. */
    record Row(String name, String lastSignedIn) {
    }

    List<Row> rows(UUID accountId, Locale locale) {
        return services.findByAccount(accountId).stream().map(use -> new Row(use.serviceName(),
                AccountTimes.dateAndTime(use.lastSignedInAt(), messages, locale))).toList();
    }
}
